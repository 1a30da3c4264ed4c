import Foundation
import XCTest

/// The API key and the JWT bearer grant through the plain-line wizard (`snowgate setup
/// --plain` over a pty, driven by `Support/plain_wizard.py`) against `snowgate simulate`: each
/// ends with a saved profile that `snowgate check` passes and `token --header` prints, after
/// the yes the file needs where no keyring answers; the transcript holds no secret.
final class SignInKindsPlainWizardEndToEndTests: XCTestCase {
  static let apiKey = "S3CR3T-plain-apikey-SENTINEL"
  static let keyID = "kid-plain"
  static let user = "integration.user"

  var folder: URL!
  var simulator: SimulatorProcess!
  var keyFile: String!
  var workspace: ProfileWorkspace!

  override func setUp() async throws {
    workspace = try ProfileWorkspace()
    folder = workspace.folder
    keyFile = folder.appendingPathComponent("signing.pem").path
    let publicFile = folder.appendingPathComponent("signing.pub").path
    try SignInKindsWizardEndToEndTests.openssl([
      "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keyFile,
    ])
    try SignInKindsWizardEndToEndTests.openssl(["pkey", "-in", keyFile, "-pubout", "-out", publicFile])
    let scenario: [String: Any] = [
      "users": [["userName": Self.user, "password": ProfileWorkspace.password]],
      "oauthClients": [
        [
          "id": ProfileWorkspace.clientID, "secret": ProfileWorkspace.clientSecret,
          "applicationUser": Self.user,
        ]
      ],
      "apiKeys": [["key": Self.apiKey, "userName": Self.user]],
      "jwtVerifiers": [
        [
          "clientID": ProfileWorkspace.clientID, "keyID": Self.keyID,
          "publicKeyPEM": try String(contentsOfFile: publicFile, encoding: .utf8),
        ]
      ],
    ]
    let file = folder.appendingPathComponent("kinds.json")
    try JSONSerialization.data(withJSONObject: scenario).write(to: file)
    simulator = try SimulatorProcess(scenario: file.path)
  }

  override func tearDown() async throws {
    simulator?.stop()
    workspace = nil
  }

  /// Runs the plain wizard through the driver with `answers`; the exit status and transcript.
  func drive(_ answers: [[String]]) throws -> (status: Int32, transcript: String) {
    let spec = folder.appendingPathComponent("spec-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: answers).write(to: spec)
    let transcript = folder.appendingPathComponent("transcript-\(UUID().uuidString).txt")
    let environment = [
      "SNOWGATE_CONFIG_DIR=\(workspace.configDirectory.path)", "SNOWGATE_PASSWORD=",
      "SNOWGATE_CLIENT_SECRET=",
      "SNOWGATE_API_KEY=", "TERM=xterm-256color", "DBUS_SESSION_BUS_ADDRESS=", "DISPLAY=", "XDG_RUNTIME_DIR=",
    ]
    let result = try Spawn.run(
      ["/usr/bin/env"] + environment + [
        "python3", PlainWizardEndToEndTests.driver.path, transcript.path, spec.path, "--",
        Binary.snowgate.path, "setup", "--plain",
      ])
    let text = (try? String(contentsOf: transcript, encoding: .utf8)) ?? result.output
    return (result.status, text)
  }

  func assertClean(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) {
    for text in texts {
      XCTAssertFalse(text.utf8.contains(0x1B), "an escape byte", file: file, line: line)
      XCTAssertFalse(
        text.contains("S3CR3T"), "a secret reached the terminal:\n\(text)", file: file, line: line)
    }
  }

  func testAnAPIKeyThroughPlainLines() throws {
    let (status, transcript) = try drive([
      ["Choose 1-4 [1]: ", "1"], ["\nInstance: ", simulator.url.absoluteString], ["\nInstance [", ""],
      ["Choose 1-8 [1]: ", "7"], ["\nAPI key: ", Self.apiKey], ["Choose 1 [1]: ", ""],
      ["The connection works.", ""], ["Profile name [", "plain-key"], ["Answer (y/n): ", "y"],
      ["Connection saved", ""],
    ])
    XCTAssertEqual(status, 0, transcript)
    XCTAssertTrue(transcript.contains("No OS keyring answers here"), transcript)
    XCTAssertTrue(transcript.contains("Keep the secrets in a plain file?"), transcript)
    let header = try workspace.run(["token", "plain-key", "--header"])
    XCTAssertEqual(header.stdout, "x-sn-apikey: \(Self.apiKey)\n", header.stderr)
    let check = try workspace.run(["check", "plain-key"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    assertClean([transcript, check.stdout, check.stderr, workspace.text(of: workspace.configFile)])
  }

  func testAJWTBearerGrantThroughPlainLines() throws {
    let (status, transcript) = try drive([
      ["Choose 1-4 [1]: ", "1"], ["\nInstance: ", simulator.url.absoluteString], ["\nInstance [", ""],
      ["Choose 1-8 [1]: ", "6"], ["\nClient ID: ", ProfileWorkspace.clientID],
      ["\nClient secret: ", ProfileWorkspace.clientSecret], ["\nKey file: ", keyFile],
      ["\nKey ID: ", Self.keyID], ["\nSubject user: ", Self.user], ["Choose 1 [1]: ", ""],
      ["The instance issued a token.", ""], ["Choose 1 [1]: ", ""], ["The connection works.", ""],
      ["Profile name [", "plain-jwt"], ["Answer (y/n): ", "y"], ["Connection saved", ""],
    ])
    XCTAssertEqual(status, 0, transcript)
    XCTAssertTrue(transcript.contains("never for JWT bearer"), transcript)
    let header = try workspace.run(["token", "plain-jwt", "--header"])
    XCTAssertEqual(header.status, 0, header.stderr)
    XCTAssertTrue(header.stdout.hasPrefix("Authorization: Bearer "), header.stdout)
    let check = try workspace.run(["check", "plain-jwt"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    assertClean([transcript, check.stdout, check.stderr, workspace.text(of: workspace.configFile)])
  }
}
