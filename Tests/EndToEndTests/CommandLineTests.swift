import Foundation
import XCTest

/// The binary's own promises: version, help, and usage errors that say what to do.
final class CommandLineTests: XCTestCase {
  func testVersionPrintsNameAndVersion() async throws {
    let out = try Binary.run(["--version"])
    XCTAssertEqual(out.status, 0)
    XCTAssertTrue(out.stdout.hasPrefix("snowgate "), out.stdout)
  }

  func testHelpListsTheCommands() async throws {
    let out = try Binary.run(["--help"])
    XCTAssertEqual(out.status, 0)
    for command in ["demo", "simulate", "setup", "check", "token"] {
      XCTAssertTrue(out.stdout.contains(command), "help does not mention \(command)")
    }
  }

  func testUnknownCommandIsAUsageErrorOnStderr() async throws {
    let out = try Binary.run(["frobnicate"])
    XCTAssertEqual(out.status, 2)
    XCTAssertTrue(out.stderr.contains("frobnicate"))
    XCTAssertEqual(out.stdout, "")
  }
}
