import Foundation
import XCTest

/// The API key and the JWT bearer grant through the wizard as a person does them: the real
/// binary in a real 80×24 terminal (tmux) against `snowgate simulate` in another process, to a
/// saved profile that `snowgate token NAME --header` and `snowgate check NAME` accept. No
/// keyring answers (for the API key, secret-tool is not even on PATH), so the save screen says
/// so and the secrets go to the credentials file only after the person's yes.
final class SignInKindsWizardEndToEndTests: XCTestCase {
  static let apiKey = "S3CR3T-wizard-e2e-apikey-SENTINEL"
  static let clientSecret = "S3CR3T-wizard-e2e-client-SENTINEL"
  static let clientID = "e2e-jwt-client"
  static let keyID = "kid-e2e-wizard"
  static let user = "integration.user"

  var folder: URL!
  var simulator: SimulatorProcess?
  var tmux: Tmux?
  var keyFile: String!
  /// Every screen the test looked at, to grep for the secrets at the end.
  var screens: [String] = []

  var configDirectory: URL { folder.appendingPathComponent("config") }
  var logFile: URL { folder.appendingPathComponent("requests.log") }

  /// Every snowgate run: its own config folder and request log, no secrets from the
  /// environment, and no keyring session.
  var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": logFile.path, "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "", "SNOWGATE_API_KEY": "",
      "DBUS_SESSION_BUS_ADDRESS": "", "DISPLAY": "", "XDG_RUNTIME_DIR": "", "HOME": folder.path,
    ]
  }

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-e2e-kinds-wizard-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    keyFile = folder.appendingPathComponent("signing.pem").path
    let publicFile = folder.appendingPathComponent("signing.pub").path
    try Self.openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keyFile])
    try Self.openssl(["pkey", "-in", keyFile, "-pubout", "-out", publicFile])
    let scenario: [String: Any] = [
      "users": [["userName": Self.user, "password": "S3CR3T-unused-SENTINEL"]],
      "oauthClients": [["id": Self.clientID, "secret": Self.clientSecret, "applicationUser": Self.user]],
      "apiKeys": [["key": Self.apiKey, "userName": Self.user]],
      "jwtVerifiers": [
        [
          "clientID": Self.clientID, "keyID": Self.keyID,
          "publicKeyPEM": try String(contentsOfFile: publicFile, encoding: .utf8),
        ]
      ],
    ]
    let file = folder.appendingPathComponent("scenario.json")
    try JSONSerialization.data(withJSONObject: scenario).write(to: file)
    simulator = try SimulatorProcess(scenario: file.path)
  }

  override func tearDown() async throws {
    tmux?.kill()
    simulator?.stop()
    var texts = screens
    for name in ["requests.log", "config/config.json"] {
      texts.append((try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "")
    }
    for text in texts {
      XCTAssertFalse(text.contains("S3CR3T"), "a screen, the log or config.json shows a secret:\n\(text)")
    }
    try? FileManager.default.removeItem(at: folder)
  }

  static func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "openssl \(arguments[0]) failed")
  }

  /// snowgate setup in tmux; `path` replaces PATH for snowgate alone.
  func startWizard(path: String? = nil) throws -> Tmux {
    let program = path.map { "env PATH=\(Tmux.shellQuote($0)) " } ?? ""
    let tmux = try Tmux(
      command: program + Binary.snowgate.path + " setup", width: 80, height: 24, environment: environment)
    self.tmux = tmux
    return tmux
  }

  @discardableResult
  func see(_ text: String, timeout: TimeInterval = 15) async throws -> String {
    guard let tmux else { throw TmuxError.failed(arguments: [], output: "no terminal") }
    let screen = try await tmux.waitFor(text, timeout: timeout)
    screens.append(screen)
    return screen
  }

  /// Welcome → instance → probe → the auth type `kind` (its row on the list) → its first screen.
  func walk(to row: Int, title: String) async throws {
    guard let tmux, let simulator else { return }
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try await see("Instance address")
    try tmux.type(simulator.url.absoluteString)
    try await see("→ \(simulator.url.absoluteString)")
    try tmux.send("Enter")
    try await see("A ServiceNow instance answers")
    try tmux.send("Enter")
    try await see("How should snowgate sign in?")
    for _ in 0..<row { try tmux.send("Down") }
    try tmux.send("Enter")
    try await see(title)
  }

  /// Test → passes → save screen says no keyring answers → Enter asks → y → done → exit 0.
  func testAndSave(_ name: String, keyringReason: String) async throws {
    guard let tmux else { return }
    try await see("Test the connection")
    try tmux.send("Enter")
    let passed = try await see("The connection works.")
    XCTAssertTrue(passed.contains("Signed in as \(Self.user)"), passed)
    try tmux.send("Enter")
    let save = try await see("No OS keyring answers here")
    XCTAssertTrue(save.contains(keyringReason), save)
    try tmux.send("C-u")
    try tmux.type(name)
    try tmux.send("Enter")
    try await see("Keep the secrets in a plain file?")
    // Enter does not answer the question; only y does.
    try tmux.send("Enter")
    try await Task.sleep(for: .milliseconds(300))
    XCTAssertTrue(try tmux.capture().contains("Keep the secrets in a plain file?"))
    try tmux.send("y")
    try await see("Connection saved")
    try tmux.send("Enter")
    try await see("[exit 0]")
  }

  func run(_ arguments: [String]) throws -> Binary.Output {
    try Binary.run(arguments, environment: environment)
  }

  var credentialsText: String {
    (try? String(contentsOf: configDirectory.appendingPathComponent("credentials.json"), encoding: .utf8))
      ?? ""
  }

  func testAnAPIKeyThroughTheWizardWithoutSecretToolOnPath() async throws {
    // Only openssl's folder would do for snowgate, and secret-tool is not there.
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let tmux = try startWizard(path: bin.path)
    try await walk(to: 6, title: "Sign in with a REST API key")
    try tmux.send("Enter")
    try await see("Paste the API key")
    try tmux.paste(Self.apiKey)
    try await see(String(repeating: "•", count: Self.apiKey.count))
    try tmux.send("Enter")
    try await testAndSave("e2e-apikey", keyringReason: "secret-tool")

    let credentials = credentialsText
    XCTAssertTrue(credentials.contains(Self.apiKey), "the key is not in credentials.json")
    let mode =
      try FileManager.default.attributesOfItem(
        atPath: configDirectory.appendingPathComponent("credentials.json").path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
    let header = try run(["token", "e2e-apikey", "--header"])
    XCTAssertEqual(header.status, 0, header.stderr)
    XCTAssertEqual(header.stdout, "x-sn-apikey: \(Self.apiKey)\n")
    let check = try run(["check", "e2e-apikey"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    XCTAssertTrue(check.stdout.contains("signed in as \(Self.user)"), check.stdout)
    XCTAssertFalse((check.stdout + check.stderr).contains("S3CR3T"))
  }

  func testAJWTBearerGrantThroughTheWizard() async throws {
    let tmux = try startWizard()
    try await walk(to: 5, title: "OAuth client: JWT bearer grant")
    try tmux.type(Self.clientID)
    try tmux.send("Tab")
    try tmux.type(Self.clientSecret)
    try tmux.send("Tab")
    try tmux.type("~/signing.pem")  // HOME is the test's folder
    try tmux.send("Tab")
    try tmux.type(Self.keyID)
    try tmux.send("Tab")
    try tmux.type(Self.user)
    try tmux.send("Enter")
    let ready = try await see("Generate token")
    XCTAssertTrue(ready.contains("kid \(Self.keyID)"), ready)
    try tmux.send("Enter")
    let received = try await see("The instance issued a token.")
    XCTAssertTrue(received.contains("never for JWT bearer"), received)
    try tmux.send("Enter")
    try await testAndSave("e2e-jwt", keyringReason: "D-Bus")

    let listed = try run(["profiles", "--json"])
    XCTAssertEqual(listed.status, 0, listed.stderr)
    let header = try run(["token", "e2e-jwt", "--header"])
    XCTAssertEqual(header.status, 0, header.stderr)
    XCTAssertTrue(header.stdout.hasPrefix("Authorization: Bearer "), header.stdout)
    let token = String(header.stdout.dropFirst("Authorization: Bearer ".count)).trimmingCharacters(
      in: .newlines)
    XCTAssertFalse(token.isEmpty)
    XCTAssertTrue(credentialsText.contains(token), "token --header printed another token than the saved one")
    for screen in screens { XCTAssertFalse(screen.contains(token), "a screen showed the access token") }
    let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    XCTAssertTrue(log.contains("jwt-bearer"), "the request log misses the grant")
    XCTAssertFalse(log.contains(token), "the request log holds the access token")
    let check = try run(["check", "e2e-jwt"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    XCTAssertFalse((check.stdout + check.stderr).contains("S3CR3T"))
    let config = try String(
      contentsOf: configDirectory.appendingPathComponent("config.json"), encoding: .utf8)
    XCTAssertTrue(config.contains(keyFile), "the key file was not saved as an absolute path: \(config)")
  }
}
