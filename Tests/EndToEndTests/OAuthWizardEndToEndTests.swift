import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// The wizard's OAuth sign-ins as a person does them: the real binary in a real 80×24 terminal
/// (tmux), talking HTTP to `snowgate simulate --auto-approve` in another process, with
/// `BROWSER` set to a small curl script standing in for the browser.
final class OAuthWizardEndToEndTests: XCTestCase, TerminalSessionTest {
  static let clientID = "e2e-oauth-client"
  static let clientSecret = "S3CR3T-e2e-client-SENTINEL-5150"
  static let password = "S3CR3T-e2e-oauth-pw-SENTINEL-4711"
  static let profileName = "e2e-oauth"

  /// The folder, terminal and simulator; every screen looked at is grepped for the secrets.
  var session: TerminalSession!

  var configDirectory: URL { folder.appendingPathComponent("config") }
  var logFile: URL { folder.appendingPathComponent("requests.log") }

  /// The environment of every snowgate run: its own config folder and request log, and no
  /// secrets from the environment of whoever runs the tests.
  var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": logFile.path, "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "",
      // No keyring answers, whatever the machine has: the save screen asks before the file.
      "DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": "",
    ]
  }

  override func setUp() async throws {
    session = try TerminalSession(prefix: "sg-e2e-oauth")
  }

  override func tearDown() async throws {
    session.end(secrets: [Self.clientSecret, Self.password])
    if let log = try? String(contentsOf: logFile, encoding: .utf8) {
      let basic = Data("\(Self.clientID):\(Self.clientSecret)".utf8).base64EncodedString()
      for secret in [Self.clientSecret, Self.password, basic] {
        XCTAssertFalse(log.contains(secret), "the request log holds a secret")
      }
    }
    session.removeFolder()
  }

  // MARK: - Setting up

  /// A simulated instance with one user and one confidential client, both with sentinel secrets,
  /// that approves every browser sign-in at once.
  func startSimulator(redirectURI: String = "http://127.0.0.1:8484/callback") throws -> URL {
    try session.startSimulator(
      [
        "users": [["userName": "integration.user", "password": Self.password]],
        "oauthClients": [
          [
            "id": Self.clientID, "secret": Self.clientSecret, "name": "snowgate e2e",
            "redirectURLs": [redirectURI], "applicationUser": "integration.user",
          ]
        ],
      ], extraArguments: ["--auto-approve"])
  }

  /// A "browser": an executable shell script given the authorize URL as `$1`.
  func browserScript(_ body: String) throws -> String {
    let path = folder.appendingPathComponent("browser.sh").path
    let text = "#!/bin/sh\n" + body + "\n"
    guard
      FileManager.default.createFile(
        atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o755])
    else { throw TmuxError.failed(arguments: [], output: "could not write \(path)") }
    return path
  }

  /// snowgate setup in tmux, with its own config folder, request log and browser.
  func startWizard(browser: String? = nil) throws -> Tmux {
    var environment = self.environment
    environment["BROWSER"] = browser ?? ""
    environment["DISPLAY"] = ""
    environment["WAYLAND_DISPLAY"] = ""
    return try session.start("\(Binary.snowgate.path) setup", width: 80, height: 24, environment: environment)
  }

  /// Welcome → instance → probe → the auth type `downs` steps below Basic; leaves the wizard on
  /// the OAuth client screen titled `title`.
  func walkToClientScreen(instance: URL, downs: Int, title: String) async throws {
    guard let tmux else { return }
    try await session.walkToSignInChoice(instance: instance.absoluteString)
    for _ in 0..<downs { try tmux.send("Down") }
    try tmux.send("Enter")
    try await see(title)
  }

  /// From the token screen with a token received: Test → passes → Save → done → exit 0.
  func passTestAndSave() async throws {
    guard let tmux else { return }
    try tmux.send("Enter")
    try await see("Test connection")
    try tmux.send("Enter")
    try await see("The connection works.")
    try tmux.send("Enter")
    try await see("Save the connection")
    try tmux.send("C-u")
    try tmux.type(Self.profileName)
    try tmux.send("Enter")
    try await see("Keep the secrets in a plain file?")
    try tmux.send("y")
    try await see("Connection saved")
    try tmux.send("Enter")
    try await see("[exit 0]")
  }

  /// The saved profile as `snowgate profiles --json` lists it.
  func listedProfile() throws -> [String: Any] {
    let out = try Binary.run(["profiles", "--json"], environment: environment)
    XCTAssertEqual(out.status, 0, out.stderr)
    let document = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
    let profiles = document?["profiles"] as? [[String: Any]] ?? []
    return try XCTUnwrap(profiles.first { $0["name"] as? String == Self.profileName }, out.stdout)
  }

  /// The access token stored for the profile in credentials.json.
  func storedAccessToken() throws -> String? {
    let data = try Data(contentsOf: configDirectory.appendingPathComponent("credentials.json"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let entry = (object?["profiles"] as? [String: Any])?[Self.profileName] as? [String: Any]
    return entry?["accessToken"] as? String
  }

  /// A loopback port that was free a moment ago: bound with port 0, read back, closed.
  func freePort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TmuxError.failed(arguments: [], output: "socket failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw TmuxError.failed(arguments: [], output: "bind failed") }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return UInt16(bigEndian: actual.sin_port)
  }

  /// Types the client ID and secret, then on the browser-flow screen the redirect URI.
  func fillBrowserClient(redirectURI: String) async throws {
    guard let tmux else { return }
    try tmux.type(Self.clientID)
    try tmux.send("Tab")
    try tmux.type(Self.clientSecret)
    try tmux.send("Tab")
    try tmux.send("C-u")
    try tmux.type(redirectURI)
    try await see(redirectURI)
    try tmux.send("Enter")
    try await see("Sign in in the browser")
  }

  /// After the flow: the profile has a valid token, and nothing secret leaked into the log.
  func assertSavedWithToken(instance: URL) throws {
    let profile = try listedProfile()
    XCTAssertEqual(profile["instance"] as? String, instance.absoluteString)
    XCTAssertEqual(profile["client_id"] as? String, Self.clientID)
    XCTAssertEqual(profile["access_token"] as? String, "valid", "\(profile)")
    XCTAssertNotNil(profile["access_token_expires_at"] as? String, "no expiry listed: \(profile)")
    let token = try XCTUnwrap(try storedAccessToken(), "credentials.json holds no access token")
    XCTAssertFalse(token.isEmpty)
    for screen in session.screens {
      XCTAssertFalse(screen.contains(token), "a screen showed the access token")
    }
    let log = try String(contentsOf: logFile, encoding: .utf8)
    XCTAssertTrue(log.contains("/oauth_token.do"), "the request log misses the token request")
    XCTAssertFalse(log.contains(token), "the request log holds the access token")
  }

  // MARK: - The flows

  func testPasswordGrantThroughTheWizardSavesATokenThatSnowgateTokenPrints() async throws {
    let url = try startSimulator()
    let tmux = try startWizard()
    try await walkToClientScreen(instance: url, downs: 1, title: "OAuth client: password grant")
    try tmux.type(Self.clientID)
    try tmux.send("Tab")
    try tmux.type(Self.clientSecret)
    try tmux.send("Tab")
    try tmux.type("integration.user")
    try tmux.send("Tab")
    try tmux.type(Self.password)
    // One bullet a character: the password is drawn, masked.
    try await see(String(repeating: "•", count: Self.password.count))
    try tmux.send("Enter")
    let ready = try await see("Generate token")
    XCTAssertTrue(ready.contains("Grant     password, as integration.user"), ready)
    try tmux.send("Enter")
    let received = try await see("The instance issued a token.")
    XCTAssertTrue(received.contains("Expires"), received)
    try await passTestAndSave()
    try assertSavedWithToken(instance: url)
    XCTAssertEqual(try listedProfile()["username"] as? String, "integration.user")

    let printed = try Binary.run(["token", Self.profileName], environment: environment)
    XCTAssertEqual(printed.status, 0, printed.stderr)
    let token = printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertFalse(token.isEmpty, "snowgate token printed nothing")
    XCTAssertEqual(token, try storedAccessToken(), "snowgate token printed another token than the stored one")
    for secret in [Self.clientSecret, Self.password] {
      XCTAssertFalse(printed.stdout.contains(secret) || printed.stderr.contains(secret))
    }
  }

  func testAuthorizationCodeCompletesThroughTheLoopbackListener() async throws {
    let redirectURI = "http://127.0.0.1:\(try freePort())/callback"
    let url = try startSimulator(redirectURI: redirectURI)
    let browser = try browserScript("curl -sL --max-time 20 \"$1\" -o /dev/null")
    let tmux = try startWizard(browser: browser)
    try await walkToClientScreen(instance: url, downs: 2, title: "OAuth client: sign in in a browser")
    try await fillBrowserClient(redirectURI: redirectURI)
    try tmux.send("Enter")
    let received = try await see("The instance issued a token.")
    XCTAssertTrue(received.contains("Refresh   yes"), received)
    try await passTestAndSave()
    try assertSavedWithToken(instance: url)
    XCTAssertEqual(try listedProfile()["has_refresh_token"] as? Bool, true)
  }

  func testPastedRedirectAddressCompletesTheSignIn() async throws {
    let redirectURI = "http://127.0.0.1:\(try freePort())/callback"
    let url = try startSimulator(redirectURI: redirectURI)
    let landed = folder.appendingPathComponent("landed.txt")
    // Does not follow the redirect: the listener never hears of it, as with a browser elsewhere.
    let browser = try browserScript(
      "curl -s --max-time 20 -o /dev/null -w '%{redirect_url}' \"$1\" > \"\(landed.path).part\" && "
        + "mv \"\(landed.path).part\" \"\(landed.path)\"")
    let tmux = try startWizard(browser: browser)
    try await walkToClientScreen(instance: url, downs: 2, title: "OAuth client: sign in in a browser")
    try await fillBrowserClient(redirectURI: redirectURI)
    try tmux.send("Enter")
    try await see("r Retry")  // waiting, not starting: p and r work now
    _ = try await tmux.waitUntil(what: "the browser script's redirect") { _ in
      ((try? String(contentsOf: landed, encoding: .utf8)) ?? "").contains("code=")
    }
    let address = try String(contentsOf: landed, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertTrue(address.hasPrefix(redirectURI + "?"), address)
    try tmux.send("p")
    try await see("Paste the address the browser ended on")
    try tmux.type(address)
    try tmux.send("Enter")
    let received = try await see("The instance issued a token.")
    XCTAssertTrue(received.contains("Refresh   yes"), received)
    try await passTestAndSave()
    try assertSavedWithToken(instance: url)
  }

  /// A slip is not a restart: another sign-in's address (other state) is refused in the paste
  /// field, which stays open; the right address, pasted next, completes the sign-in.
  func testAWrongPasteThenARightPasteCompletesTheSignIn() async throws {
    let redirectURI = "http://127.0.0.1:\(try freePort())/callback"
    let url = try startSimulator(redirectURI: redirectURI)
    let landed = folder.appendingPathComponent("landed.txt")
    let browser = try browserScript(
      "curl -s --max-time 20 -o /dev/null -w '%{redirect_url}' \"$1\" > \"\(landed.path).part\" && "
        + "mv \"\(landed.path).part\" \"\(landed.path)\"")
    let tmux = try startWizard(browser: browser)
    try await walkToClientScreen(instance: url, downs: 2, title: "OAuth client: sign in in a browser")
    try await fillBrowserClient(redirectURI: redirectURI)
    try tmux.send("Enter")
    // The hint, not the title: the title shows while the listener and browser start, and the
    // screen takes keys (p, r) only once it waits.
    let waiting = try await see("r Retry")
    XCTAssertTrue(waiting.contains("Waiting for the browser"), waiting)
    _ = try await tmux.waitUntil(what: "the browser script's redirect") { _ in
      ((try? String(contentsOf: landed, encoding: .utf8)) ?? "").contains("code=")
    }
    let address = try String(contentsOf: landed, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let otherTab = redirectURI + "?code=an-old-code&state=another-sign-in"
    try tmux.send("p")
    try await see("Paste the address the browser ended on")
    try tmux.paste(otherTab)
    try tmux.send("Enter")
    let refused = try await see("belongs to another sign-in")
    XCTAssertTrue(refused.contains("Address or code"), "the paste field closed:\n\(refused)")
    try tmux.send("C-u")
    try tmux.paste(address)
    try tmux.send("Enter")
    try await see("The instance issued a token.")
    try await passTestAndSave()
    try assertSavedWithToken(instance: url)
  }

  /// Over SSH the sign-in address must be copied to a browser elsewhere: `c` shows it on the
  /// ordinary screen, whole and without box lines, and Enter comes back to the waiting screen.
  func testCopyLinkShowsTheWholeAddressOutsideTheBox() async throws {
    let redirectURI = "http://127.0.0.1:\(try freePort())/callback"
    let url = try startSimulator(redirectURI: redirectURI)
    let browser = try browserScript("true")
    let tmux = try startWizard(browser: browser)
    try await walkToClientScreen(instance: url, downs: 2, title: "OAuth client: sign in in a browser")
    try await fillBrowserClient(redirectURI: redirectURI)
    try tmux.send("Enter")
    try await see("r Retry")  // waiting, not starting: p and r work now
    try tmux.resize(width: 400, height: 24)
    try tmux.send("c")
    let plain = try await see("Press Enter to go back to snowgate.")
    let line = plain.split(separator: "\n").first { $0.contains("/oauth_auth.do?") }.map(String.init) ?? ""
    XCTAssertTrue(line.hasPrefix(url.absoluteString + "/oauth_auth.do?"), plain)
    XCTAssertTrue(line.contains("code_challenge="), line)
    XCTAssertFalse(line.contains("│"), line)
    try tmux.resize(width: 80, height: 24)
    try tmux.send("Enter")
    try await see("r Retry")  // waiting, not starting: p and r work now
  }
}

extension OAuthWizardEndToEndTests {
  /// A loopback socket listening on a free port, held until closed: "another program".
  func occupiedPort() throws -> (port: UInt16, socket: Int32) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TmuxError.failed(arguments: [], output: "socket failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 1) == 0 else {
      close(fd)
      throw TmuxError.failed(arguments: [], output: "bind or listen failed")
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (UInt16(bigEndian: actual.sin_port), fd)
  }

  /// A busy redirect port must leave the paste path open, as the waiting screen promises
  /// ("Listening on nothing (the port is busy): paste the address instead").
  func testBusyRedirectPortStillAllowsPastingTheAddress() async throws {
    let (port, held) = try occupiedPort()
    defer { close(held) }
    let redirectURI = "http://127.0.0.1:\(port)/callback"
    let url = try startSimulator(redirectURI: redirectURI)
    let landed = folder.appendingPathComponent("landed.txt")
    let browser = try browserScript(
      "curl -s --max-time 20 -o /dev/null -w '%{redirect_url}' \"$1\" > \"\(landed.path).part\" && "
        + "mv \"\(landed.path).part\" \"\(landed.path)\"")
    let tmux = try startWizard(browser: browser)
    try await walkToClientScreen(instance: url, downs: 2, title: "OAuth client: sign in in a browser")
    try await fillBrowserClient(redirectURI: redirectURI)
    try tmux.send("Enter")
    try await see("p Paste the URL")
    _ = try await tmux.waitUntil(what: "the browser script's redirect") { _ in
      ((try? String(contentsOf: landed, encoding: .utf8)) ?? "").contains("code=")
    }
    let address = try String(contentsOf: landed, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try tmux.send("p")
    try await see("Paste the address the browser ended on")
    try tmux.type(address)
    try tmux.send("Enter")
    try await see("The instance issued a token.")
  }

  /// `http://[::1]:PORT/…` passes the client screen's loopback check, so the sign-in must then
  /// work (listen on ::1), or the client screen must refuse it there and say why.
  func testIPv6LoopbackRedirectIsRefusedOnTheClientScreenOrWorks() async throws {
    let redirectURI = "http://[::1]:\(try freePort())/callback"
    let url = try startSimulator(redirectURI: redirectURI)
    let browser = try browserScript("curl -sL --max-time 20 \"$1\" -o /dev/null")
    let tmux = try startWizard(browser: browser)
    try await walkToClientScreen(instance: url, downs: 2, title: "OAuth client: sign in in a browser")
    try tmux.type(Self.clientID)
    try tmux.send("Tab")
    try tmux.type(Self.clientSecret)
    try tmux.send("Tab")
    try tmux.send("C-u")
    try tmux.type(redirectURI)
    try await see(redirectURI)
    try tmux.send("Enter")
    let answer = try await tmux.waitUntil(what: "the client screen's refusal or the token screen") {
      $0.contains("Sign in in the browser") || $0.contains("Use http://127.0.0.1")
    }
    session.screens.append(answer)
    guard answer.contains("Sign in in the browser") else { return }
    try tmux.send("Enter")
    let outcome = try await tmux.waitUntil(what: "the end of the sign-in") {
      $0.contains("The instance issued a token.") || $0.contains("did not finish")
    }
    session.screens.append(outcome)
    XCTAssertTrue(outcome.contains("The instance issued a token."), outcome)
  }
}
