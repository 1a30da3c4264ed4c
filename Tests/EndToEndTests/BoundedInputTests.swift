import Foundation
import XCTest

/// Input from a pipe has a bound: a first line longer than 8 KiB is refused with a sentence,
/// never read whole into memory and never used in part.
final class BoundedInputTests: XCTestCase {
  func testAPasswordLineLongerThan8KiBIsRefusedWithASentence() async throws {
    let huge = String(repeating: "S3CR3T", count: 40_000) + "\nsecond line\n"
    let check = try CheckRun.run(
      ["check", "--instance", "http://127.0.0.1:9", "--username", "u", "--password-stdin"], stdin: huge)
    XCTAssertEqual(check.status, 2, check.stdout + check.stderr)
    XCTAssertTrue(check.stderr.contains("longer than 8 KiB"), check.stderr)
    XCTAssertFalse((check.stdout + check.stderr).contains("S3CR3T"))
    let setup = try CheckRun.run(
      [
        "setup", "big", "--no-input", "--store", "file", "--instance", "http://127.0.0.1:9", "--auth",
        "basic", "--username",
        "u",
        "--password-stdin",
      ], stdin: huge)
    XCTAssertEqual(setup.status, 2, setup.stdout + setup.stderr)
    XCTAssertTrue(setup.stderr.contains("longer than 8 KiB"), setup.stderr)
    XCTAssertFalse((setup.stdout + setup.stderr).contains("S3CR3T"))
  }
}
