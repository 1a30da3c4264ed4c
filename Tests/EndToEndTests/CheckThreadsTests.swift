import Foundation
import XCTest

/// A check runs on the main thread alone (`CommandLoop`), its async work and libcurl's transfers
/// both, as curl does: while a request waits on a slow instance, the process has one thread.
/// Swift's default executors gave it five (two of the cooperative pool, libdispatch's manager,
/// the parked main thread and libcurl's; bench/check-vs-curl.md).
final class CheckThreadsTests: XCTestCase {
  func testACheckWaitingOnASlowInstanceHasOneThread() throws {
    let simulator = try SimulatorProcess(scenario: "slow")
    defer { simulator.stop() }
    let process = Process()
    process.executableURL = Binary.snowgate
    process.arguments = [
      "check", "--instance", simulator.url.absoluteString, "--username", "admin", "--json", "--timeout", "8",
    ]
    var environment = ProcessInfo.processInfo.environment
    for name in CheckRun.cleared { environment.removeValue(forKey: name) }
    environment["SNOWGATE_CONFIG_DIR"] = CheckRun.emptyConfig.path
    environment["SNOWGATE_PASSWORD"] = "admin"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    defer {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    // The slow scenario holds every answer 3 s: from 1 s to 2.5 s the check is waiting on its
    // first requests (the instance probe and the login pages), after its DNS and TCP layers.
    Thread.sleep(forTimeInterval: 1)
    var counts: [Int] = []
    for _ in 0..<6 {
      let threads = try FileManager.default.contentsOfDirectory(
        atPath: "/proc/\(process.processIdentifier)/task")
      counts.append(threads.count)
      Thread.sleep(forTimeInterval: 0.25)
    }
    XCTAssertTrue(process.isRunning, "the check ended before its first answer came")
    XCTAssertEqual(counts.max(), 1, "threads seen while waiting: \(counts)")
  }
}
