import Foundation
import Simulator
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A scenario file is read in one bounded read: a huge file or a FIFO gives a sentence.
final class ScenarioFileBoundTests: XCTestCase {
  func testAHugeFileOrAFIFOIsRefusedWithAReason() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-scenario-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let huge = folder.appendingPathComponent("huge.json")
    try Data(repeating: 0x20, count: 3 * 1024 * 1024).write(to: huge)
    XCTAssertThrowsError(try SimulatorConfiguration.load(scenario: huge.path)) { error in
      XCTAssertEqual(
        error as? SimulatorConfigurationError,
        .unreadableFile(path: huge.path, reason: "it is 3072 KiB, more than the 1024 KiB a scenario may be"))
    }
    let fifo = folder.appendingPathComponent("fifo.json").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    XCTAssertThrowsError(try SimulatorConfiguration.load(scenario: fifo)) { error in
      XCTAssertEqual(
        error as? SimulatorConfigurationError, .unreadableFile(path: fifo, reason: "it is not a regular file")
      )
    }
  }
}
