import Foundation
import XCTest

/// Without libcurl.so.4, commands that send nothing still work and a check says what to
/// install, instead of the program failing to start.
final class CheckLibcurlMissingTests: XCTestCase {
  func testAMissingLibcurlIsExplainedAndCommandsThatSendNothingStillRun() throws {
    let library = URL(fileURLWithPath: "/usr/lib/x86_64-linux-gnu/libcurl.so.4").resolvingSymlinksInPath()
      .path
    guard FileManager.default.fileExists(atPath: library) else {
      throw XCTSkip("no libcurl.so.4 at \(library)")
    }
    // /dev/null over the library, in a user and mount namespace only this run sees.
    let launcher = ["unshare", "-rm", "sh", "-c", "mount --bind /dev/null \"$0\" && exec \"$@\"", library]
    let probe = try CheckRun.run(["--help"], launcher: launcher)
    guard probe.status == 0 else { throw XCTSkip("user and mount namespaces are not available here") }
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let run = try CheckRun.run(
      ["check", "--instance", simulator.url.absoluteString, "--username", "admin", "--json"],
      environment: ["SNOWGATE_PASSWORD": "admin"], launcher: launcher)
    XCTAssertEqual(try run.code(), "client.libcurl_missing", run.stdout + run.stderr)
    XCTAssertEqual(run.status, 1)
    let remedies = try XCTUnwrap((try run.json()["diagnosis"] as? [String: Any])?["remedies"] as? [String])
    XCTAssertTrue(remedies.first?.contains("apt-get install libcurl4") ?? false, "\(remedies)")
  }
}
