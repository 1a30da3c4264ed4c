import Foundation
import XCTest

/// `snowgate profiles`, `use`, `remove` and `rename` on a real config folder.
final class ProfileCommandsTests: XCTestCase {
  func testNoProfilesSaysHowToMakeOne() async throws {
    let workspace = try ProfileWorkspace()
    let output = try workspace.run(["profiles"])
    XCTAssertEqual(output.status, 0)
    XCTAssertTrue(output.stdout.contains("snowgate setup"), output.stdout)
    XCTAssertTrue(output.stdout.contains("snowgate demo"), output.stdout)
    let json = try workspace.listing()
    XCTAssertEqual((json["profiles"] as? [Any])?.count, 0)
    XCTAssertTrue(json["default"] is NSNull)
  }

  func testUseRenameAndRemoveRoundTrip() async throws {
    let workspace = try ProfileWorkspace()
    try workspace.setupBasic("alpha")
    try workspace.setupBasic("beta")
    XCTAssertEqual(try workspace.listing()["default"] as? String, "alpha")

    let use = try workspace.run(["use", "beta"])
    XCTAssertEqual(use.status, 0, use.stderr)
    XCTAssertEqual(try workspace.listing()["default"] as? String, "beta")

    let rename = try workspace.run(["rename", "beta", "gamma"])
    XCTAssertEqual(rename.status, 0, rename.stderr)
    XCTAssertEqual(try workspace.profileNames(), ["alpha", "gamma"])
    XCTAssertEqual(try workspace.listing()["default"] as? String, "gamma")
    XCTAssertTrue(workspace.text(of: workspace.credentialsFile).contains("\"gamma\""))

    let taken = try workspace.run(["rename", "gamma", "alpha"])
    XCTAssertEqual(taken.status, 2)
    XCTAssertTrue(taken.stderr.contains("exists already"), taken.stderr)

    let remove = try workspace.run(["remove", "gamma", "--yes"])
    XCTAssertEqual(remove.status, 0, remove.stderr)
    XCTAssertEqual(try workspace.profileNames(), ["alpha"])
    XCTAssertTrue(try workspace.listing()["default"] is NSNull)
    XCTAssertFalse(workspace.text(of: workspace.credentialsFile).contains("gamma"))
    XCTAssertTrue(remove.stdout.contains("snowgate use"), remove.stdout)
  }

  func testUnknownNamesAreUsageErrorsThatListTheSavedOnes() async throws {
    let workspace = try ProfileWorkspace()
    try workspace.setupBasic("alpha")
    try workspace.setupBasic("beta")
    for arguments in [["use", "alhpa"], ["remove", "alhpa", "--yes"], ["rename", "alhpa", "x"]] {
      let output = try workspace.run(arguments)
      XCTAssertEqual(output.status, 2, "\(arguments): \(output.stderr)")
      XCTAssertTrue(output.stderr.contains("\"alhpa\""), output.stderr)
      XCTAssertTrue(output.stderr.contains("alpha, beta"), output.stderr)
    }
    XCTAssertEqual(try workspace.profileNames(), ["alpha", "beta"])
  }

  func testRemoveWithoutYesAndWithoutATerminalRefuses() async throws {
    let workspace = try ProfileWorkspace()
    try workspace.setupBasic("alpha")
    let output = try workspace.run(["remove", "alpha"], stdin: "y\n")
    XCTAssertEqual(output.status, 2)
    XCTAssertTrue(output.stderr.contains("snowgate remove alpha --yes"), output.stderr)
    XCTAssertEqual(try workspace.profileNames(), ["alpha"])
  }

  func testRemoveAsksOnATerminalAndKeepsTheProfileUnlessYes() async throws {
    let workspace = try ProfileWorkspace()
    try workspace.setupBasic("alpha")
    let declined = try workspace.runOnTerminal(["remove", "alpha"], typed: "n\n")
    XCTAssertTrue(declined.screen.contains("Remove alpha? [y/N]"), declined.screen)
    XCTAssertEqual(declined.status, 1, declined.screen)
    XCTAssertEqual(try workspace.profileNames(), ["alpha"])

    let accepted = try workspace.runOnTerminal(["remove", "alpha"], typed: "y\n")
    XCTAssertEqual(accepted.status, 0, accepted.screen)
    XCTAssertEqual(try workspace.profileNames(), [])
  }

  func testBrokenConfigIsNamedAndNeverRewritten() async throws {
    let workspace = try ProfileWorkspace()
    try FileManager.default.createDirectory(at: workspace.configDirectory, withIntermediateDirectories: true)
    let broken = Data("{\"version\": 1, \"profiles\": [".utf8)
    try broken.write(to: workspace.configFile)

    let listing = try workspace.run(["profiles"])
    XCTAssertEqual(listing.status, 2)
    XCTAssertTrue(listing.stderr.contains(workspace.configFile.path), listing.stderr)
    XCTAssertTrue(listing.stderr.contains("not valid JSON"), listing.stderr)
    XCTAssertEqual(listing.stdout, "")
    let json = try workspace.run(["profiles", "--json"])
    XCTAssertEqual(json.status, 2)
    XCTAssertEqual(json.stdout, "")

    for arguments in [["use", "a"], ["remove", "a", "--yes"], ["rename", "a", "b"]] {
      let output = try workspace.run(arguments)
      XCTAssertEqual(output.status, 2, "\(arguments): \(output.stderr)")
      XCTAssertTrue(output.stderr.contains(workspace.configFile.path), output.stderr)
    }
    let setup = try workspace.run(
      [
        "setup", "a", "--no-input", "--store", "file", "--instance", "http://127.0.0.1:9", "--auth", "basic",
        "--username",
        "u", "--save-anyway",
      ], environment: ["SNOWGATE_PASSWORD": ProfileWorkspace.password])
    XCTAssertEqual(setup.status, 2, setup.stderr)
    XCTAssertTrue(setup.stderr.contains(workspace.configFile.path), setup.stderr)
    XCTAssertEqual(try Data(contentsOf: workspace.configFile), broken)
  }

  func testEveryProfileCommandHasHelp() async throws {
    let workspace = try ProfileWorkspace()
    for command in [["profiles"], ["use"], ["remove"], ["rename"], ["setup", "--no-input"]] {
      let output = try workspace.run(command + ["--help"])
      XCTAssertEqual(output.status, 0, "\(command)")
      XCTAssertTrue(output.stdout.hasPrefix("Usage: snowgate \(command[0])"), output.stdout)
      XCTAssertTrue(output.stdout.contains("Exit status"), "\(command) help has no exit codes")
    }
  }
}
