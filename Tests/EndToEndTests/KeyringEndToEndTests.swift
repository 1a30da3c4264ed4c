import Foundation
import TestSupport
import XCTest

/// The `keyring` secret store as people use it, with a fake `secret-tool` on PATH: the default
/// where a keyring answers, tokens there too, nothing in credentials.json, moving a profile
/// between stores, logout, and the file only when said where no keyring answers.
final class KeyringEndToEndTests: XCTestCase {
  static let apiKey = "S3CR3T-keyring-apikey-SENTINEL"

  private var workspace: ProfileWorkspace!
  private var keyring: FakeKeyring!

  override func setUp() async throws {
    workspace = try ProfileWorkspace()
    keyring = try FakeKeyring(in: workspace.folder.appendingPathComponent("keyring"))
  }

  override func tearDown() async throws {
    workspace = nil
  }

  private func run(_ arguments: [String], _ extra: [String: String] = [:], keyring useKeyring: Bool = true)
    throws
    -> Binary.Output
  {
    var environment =
      useKeyring ? keyring.environment : ["PATH": "/usr/bin:/bin", "DBUS_SESSION_BUS_ADDRESS": ""]
    for (key, value) in extra { environment[key] = value }
    return try workspace.run(arguments, environment: environment)
  }

  private func passwordSetup(_ name: String, store: [String] = [], keyring useKeyring: Bool = true) throws
    -> Binary.Output
  {
    try run(
      [
        "setup", name, "--no-input", "--instance", try workspace.simulator().url.absoluteString, "--auth",
        "password", "--client-id", ProfileWorkspace.clientID, "--username", ProfileWorkspace.user,
      ] + store,
      [
        "SNOWGATE_PASSWORD": ProfileWorkspace.password,
        "SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret,
      ],
      keyring: useKeyring)
  }

  private func assertCredentialsFileHoldsNothingOf(
    _ name: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let text = workspace.text(of: workspace.credentialsFile)
    workspace.assertNoSentinel([text], "credentials.json of a keyring profile", file: file, line: line)
    let object =
      text.isEmpty ? nil : try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    XCTAssertNil(
      (object?["profiles"] as? [String: Any])?[name], "credentials.json has an entry", file: file, line: line)
  }

  func testTheKeyringIsTheDefaultAndKeepsSecretsAndTokensOutOfTheFile() throws {
    let setup = try passwordSetup("prod")
    XCTAssertEqual(setup.status, 0, setup.stderr)
    XCTAssertTrue(setup.stdout.contains("in the OS keyring"), setup.stdout)
    try assertCredentialsFileHoldsNothingOf("prod")
    XCTAssertEqual(
      keyring.kinds(of: "prod"), ["password", "client_secret", "access_token", "refresh_token"])
    XCTAssertTrue(keyring.items.values.contains(ProfileWorkspace.password))
    // Secrets reached the tool on stdin only.
    workspace.assertNoSentinel([keyring.argvLog], "secret-tool's argv")

    let first = try run(["token", "prod"])
    XCTAssertEqual(first.status, 0, first.stderr)
    let token = first.stdout.trimmingCharacters(in: .newlines)
    XCTAssertTrue(keyring.items.values.contains { $0.contains(token) }, "the token is not the keyring's")
    let second = try run(["token", "prod"])
    XCTAssertEqual(second.stdout, first.stdout, "the keyring's token was not reused")

    let listing = try run(["profiles"])
    XCTAssertTrue(listing.stdout.contains("OS keyring"), listing.stdout)
    try assertCredentialsFileHoldsNothingOf("prod")
  }

  func testAnAPIKeyProfileInTheKeyring() throws {
    let setup = try run(
      [
        "setup", "key", "--no-input", "--instance", try workspace.simulator().url.absoluteString, "--auth",
        "api-key",
      ],
      ["SNOWGATE_API_KEY": "S3CR3T-wrong"])
    // The scenario's simulator has no API key for this workspace: the refusal saves nothing.
    XCTAssertEqual(setup.status, 3, setup.stderr)
    XCTAssertTrue(keyring.kinds(of: "key").isEmpty)
  }

  func testMovingAProfileBetweenStoresMovesItsSecretsAndDeletesTheOldCopies() throws {
    XCTAssertEqual(try passwordSetup("prod").status, 0)
    XCTAssertFalse(keyring.kinds(of: "prod").isEmpty)

    let toFile = try passwordSetup("prod", store: ["--store", "file"])
    XCTAssertEqual(toFile.status, 0, toFile.stderr)
    XCTAssertTrue(
      keyring.kinds(of: "prod").isEmpty, "old keyring copies stayed: \(keyring.kinds(of: "prod"))")
    XCTAssertTrue(workspace.text(of: workspace.credentialsFile).contains(ProfileWorkspace.password))

    let back = try passwordSetup("prod", store: ["--store", "keyring"])
    XCTAssertEqual(back.status, 0, back.stderr)
    try assertCredentialsFileHoldsNothingOf("prod")
    XCTAssertTrue(keyring.kinds(of: "prod").contains("password"))
  }

  func testLogoutEmptiesTheKeyringAndTheProfileIsSignedOut() throws {
    XCTAssertEqual(try passwordSetup("prod").status, 0)
    let logout = try run(["logout", "prod"])
    XCTAssertEqual(logout.status, 0, logout.stderr)
    XCTAssertTrue(keyring.kinds(of: "prod").isEmpty, "left in the keyring: \(keyring.kinds(of: "prod"))")
    let token = try run(["token", "prod"])
    XCTAssertEqual(token.status, 3)
    XCTAssertTrue(
      token.stderr.contains("prod is signed out: `snowgate setup prod` signs in again"), token.stderr)
  }

  func testWithoutAKeyringTheFileIsUsedOnlyWhenSaidAndKeyringIsRefused() throws {
    let refused = try passwordSetup("prod", store: ["--store", "keyring"], keyring: false)
    XCTAssertEqual(refused.status, 2, refused.stderr)
    XCTAssertTrue(refused.stderr.contains("keyring"), refused.stderr)
    XCTAssertEqual(workspace.text(of: workspace.configFile), "", "something was saved")

    // No store said: the file is not taken silently; the sentence says how to choose it.
    let unsaid = try passwordSetup("prod", keyring: false)
    XCTAssertEqual(unsaid.status, 2, unsaid.stderr)
    XCTAssertTrue(unsaid.stderr.contains("no OS keyring answers here, so nothing was saved"), unsaid.stderr)
    XCTAssertTrue(unsaid.stderr.contains("pass --store file"), unsaid.stderr)
    XCTAssertEqual(unsaid.stdout, "", "it tested or saved something: \(unsaid.stdout)")
    XCTAssertEqual(workspace.text(of: workspace.configFile), "", "something was saved")
    XCTAssertEqual(workspace.text(of: workspace.credentialsFile), "", "a secret was written")
    workspace.assertNoSentinel([unsaid.stdout, unsaid.stderr], "the refusal")

    // Without secret-tool on PATH at all, the same, naming the missing command.
    let noTool = try run(
      [
        "setup", "prod", "--no-input", "--instance", try workspace.simulator().url.absoluteString, "--auth",
        "basic", "--username", ProfileWorkspace.user,
      ],
      ["PATH": workspace.folder.path, "SNOWGATE_PASSWORD": ProfileWorkspace.password], keyring: false)
    XCTAssertEqual(noTool.status, 2, noTool.stderr)
    XCTAssertTrue(noTool.stderr.contains("secret-tool command is not installed"), noTool.stderr)
    XCTAssertTrue(noTool.stderr.contains("pass --store file"), noTool.stderr)

    let said = try passwordSetup("prod", store: ["--store", "file"], keyring: false)
    XCTAssertEqual(said.status, 0, said.stderr)
    XCTAssertFalse(said.stderr.contains("no OS keyring"), said.stderr)
    XCTAssertTrue(workspace.text(of: workspace.credentialsFile).contains(ProfileWorkspace.password))
  }
}
