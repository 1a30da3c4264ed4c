import Foundation
import XCTest

/// API keys, the JWT bearer grant and `logout` as scripts use them: the real binary against a
/// simulator process, `setup --no-input`, `token --header/--json`, `check`, and signing out of
/// every kind.
final class SignInKindsEndToEndTests: XCTestCase {
  static let apiKey = "S3CR3T-apikey-SENTINEL-e2e"
  static let keyID = "kid-e2e"

  private var folder: URL!
  private var simulator: SimulatorProcess!
  private var keyFile: String!

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-e2e-kinds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    keyFile = folder.appendingPathComponent("signing.pem").path
    let publicFile = folder.appendingPathComponent("signing.pub").path
    try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keyFile])
    try openssl(["pkey", "-in", keyFile, "-pubout", "-out", publicFile])
    let publicPEM = try String(contentsOfFile: publicFile, encoding: .utf8)
    let scenario: [String: Any] = [
      "users": [
        [
          "userName": ProfileWorkspace.user, "password": ProfileWorkspace.password, "firstName": "Sentinel",
          "lastName": "User",
        ]
      ],
      "oauthClients": [
        [
          "id": ProfileWorkspace.clientID, "secret": ProfileWorkspace.clientSecret,
          "applicationUser": ProfileWorkspace.user,
        ]
      ],
      "apiKeys": [["key": Self.apiKey, "userName": ProfileWorkspace.user]],
      "jwtVerifiers": [
        ["clientID": ProfileWorkspace.clientID, "keyID": Self.keyID, "publicKeyPEM": publicPEM]
      ],
    ]
    let file = folder.appendingPathComponent("scenario.json")
    try JSONSerialization.data(withJSONObject: scenario).write(to: file)
    simulator = try SimulatorProcess(scenario: file.path)
  }

  override func tearDown() async throws {
    simulator?.stop()
    try? FileManager.default.removeItem(at: folder)
  }

  private func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
  }

  private var configDirectory: URL { folder.appendingPathComponent("config") }

  private func run(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Binary.Output {
    var environment = [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_PASSWORD": "", "SNOWGATE_CLIENT_SECRET": "",
      "SNOWGATE_REFRESH_TOKEN": "", "SNOWGATE_API_KEY": "", "SNOWGATE_LOG": "",
    ]
    for (key, value) in extra { environment[key] = value }
    return try Binary.run(arguments, environment: environment)
  }

  private func credentialsText() -> String {
    (try? String(contentsOf: configDirectory.appendingPathComponent("credentials.json"), encoding: .utf8))
      ?? ""
  }

  private func assertNoSecret(_ texts: String..., file: StaticString = #filePath, line: UInt = #line) {
    for text in texts {
      XCTAssertFalse(text.contains("S3CR3T"), "a secret shows: \(text)", file: file, line: line)
    }
  }

  private func assertSignedOut(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    for arguments in [["token", name], ["token", name, "--header"]] {
      let out = try run(arguments)
      XCTAssertEqual(out.status, 3, "\(arguments): \(out.stderr)", file: file, line: line)
      XCTAssertEqual(out.stdout, "", file: file, line: line)
      XCTAssertTrue(
        out.stderr.contains("\(name) is signed out: `snowgate setup \(name)` signs in again"), out.stderr,
        file: file, line: line)
    }
    // check gives the same verdict, code and exit status as token.
    let check = try run(["check", name, "--json"])
    XCTAssertEqual(check.status, 3, check.stdout, file: file, line: line)
    let report = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], file: file,
      line: line)
    let diagnosis = try XCTUnwrap(report["diagnosis"] as? [String: Any], file: file, line: line)
    XCTAssertEqual(diagnosis["code"] as? String, "auth.signed_out", file: file, line: line)
    XCTAssertEqual(
      diagnosis["summary"] as? String, "\(name) is signed out: `snowgate setup \(name)` signs in again",
      file: file, line: line)
    let listing = try run(["profiles"])
    XCTAssertTrue(
      listing.stdout.contains(name), "the profile went: \(listing.stdout)", file: file, line: line)
  }

  // MARK: API key

  func testAnAPIKeyIsSetUpUsedAsAHeaderCheckedAndSignedOut() throws {
    let setup = try run(
      [
        "setup", "key", "--no-input", "--store", "file", "--instance", simulator.url.absoluteString, "--auth",
        "api-key",
      ],
      ["SNOWGATE_API_KEY": Self.apiKey])
    XCTAssertEqual(setup.status, 0, setup.stderr)
    XCTAssertTrue(
      setup.stdout.contains("signed in as \(ProfileWorkspace.user) (Sentinel User)"), setup.stdout)
    assertNoSecret(setup.stdout, setup.stderr)

    let header = try run(["token", "key", "--header"])
    XCTAssertEqual(header.status, 0, header.stderr)
    XCTAssertEqual(header.stdout, "x-sn-apikey: \(Self.apiKey)\n")
    let plain = try run(["token", "key"])
    XCTAssertEqual(plain.status, 2)
    XCTAssertTrue(plain.stderr.contains("--header"), plain.stderr)
    assertNoSecret(plain.stdout, plain.stderr)

    let check = try run(["check", "key"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    XCTAssertTrue(check.stdout.contains("signed in as \(ProfileWorkspace.user)"), check.stdout)
    assertNoSecret(check.stdout, check.stderr)

    let logout = try run(["logout", "key"])
    XCTAssertEqual(logout.status, 0, logout.stderr)
    XCTAssertTrue(logout.stderr.contains("deactivates its REST API Key record"), logout.stderr)
    XCTAssertFalse(credentialsText().contains(Self.apiKey), "the key was not forgotten")
    try assertSignedOut("key")
  }

  func testAWrongAPIKeyFailsTheSetupWithItsCodeAndSavesNothing() throws {
    let setup = try run(
      [
        "setup", "key", "--no-input", "--store", "file", "--instance", simulator.url.absoluteString, "--auth",
        "api-key",
      ],
      ["SNOWGATE_API_KEY": "S3CR3T-not-the-key"])
    XCTAssertEqual(setup.status, 3, setup.stderr)
    XCTAssertTrue(setup.stderr.contains("(auth.api_key_rejected)"), setup.stderr)
    XCTAssertTrue(setup.stdout.contains("REST API Key"), setup.stdout)
    assertNoSecret(setup.stdout, setup.stderr)
    XCTAssertEqual(credentialsText(), "")
  }

  func testAnAPIKeyIsNeverTakenFromTheCommandLine() throws {
    let setup = try run([
      "setup", "key", "--no-input", "--store", "file", "--instance", simulator.url.absoluteString, "--auth",
      "api-key",
    ])
    XCTAssertEqual(setup.status, 2, setup.stderr)
    XCTAssertTrue(setup.stderr.contains("SNOWGATE_API_KEY"), setup.stderr)
  }

  // MARK: JWT bearer

  private func jwtSetup(keyID: String = keyID) throws -> Binary.Output {
    try run(
      [
        "setup", "jwt", "--no-input", "--store", "file", "--instance", simulator.url.absoluteString, "--auth",
        "jwt-bearer",
        "--client-id", ProfileWorkspace.clientID, "--jwt-key", keyFile, "--jwt-key-id", keyID,
        "--jwt-subject", ProfileWorkspace.user,
      ], ["SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret])
  }

  func testAJWTBearerProfileIsSetUpGivesTokensAndIsSignedOut() throws {
    let setup = try jwtSetup()
    XCTAssertEqual(setup.status, 0, setup.stderr)
    XCTAssertTrue(setup.stdout.contains("signed in as \(ProfileWorkspace.user)"), setup.stdout)
    assertNoSecret(setup.stdout, setup.stderr)
    XCTAssertFalse(credentialsText().contains("refreshToken"), "the JWT bearer grant issues no refresh token")
    XCTAssertFalse(credentialsText().contains("PRIVATE KEY"), "the key left its file")

    let token = try run(["token", "jwt"])
    XCTAssertEqual(token.status, 0, token.stderr)
    let value = token.stdout.trimmingCharacters(in: .newlines)
    XCTAssertFalse(value.isEmpty)
    let header = try run(["token", "jwt", "--header"])
    XCTAssertEqual(header.stdout, "Authorization: Bearer \(value)\n")
    let json = try run(["token", "jwt", "--json"])
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(object["access_token"] as? String, value)
    XCTAssertEqual(object["token_type"] as? String, "Bearer")
    XCTAssertEqual(object["profile"] as? String, "jwt")
    XCTAssertEqual(object["instance"] as? String, simulator.url.absoluteString)
    XCTAssertNotNil(object["expires_at"] as? String)
    XCTAssertGreaterThan(object["expires_in"] as? Int ?? 0, 60)

    let check = try run(["check", "jwt"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    XCTAssertTrue(check.stdout.contains("JWT bearer grant"), check.stdout)
    XCTAssertTrue(check.stdout.contains("signed in as \(ProfileWorkspace.user)"), check.stdout)
    assertNoSecret(check.stdout, check.stderr)

    let logout = try run(["logout", "jwt"])
    XCTAssertEqual(logout.status, 0, logout.stderr)
    XCTAssertTrue(logout.stderr.contains("revoked"), logout.stderr)
    XCTAssertFalse(credentialsText().contains(ProfileWorkspace.clientSecret))
    XCTAssertFalse(credentialsText().contains(value))
    try assertSignedOut("jwt")
    // The client secret is gone: setup signs in again.
    let again = try jwtSetup()
    XCTAssertEqual(again.status, 0, again.stderr)
    XCTAssertEqual(try run(["token", "jwt"]).status, 0)
  }

  func testAnUnknownKeyIDFailsTheSetupWithTheJWTVerdict() throws {
    let setup = try jwtSetup(keyID: "kid-unknown")
    XCTAssertEqual(setup.status, 3, setup.stderr)
    XCTAssertTrue(setup.stderr.contains("(oauth.jwt_rejected)"), setup.stderr)
    XCTAssertTrue(setup.stdout.contains("JWT verifier map"), setup.stdout)
    assertNoSecret(setup.stdout, setup.stderr)
  }

  // MARK: Signing out of every kind

  func testEveryKindIsSignedOutByLogoutAndTokenThenExitsThree() throws {
    let url = simulator.url.absoluteString
    let user = ProfileWorkspace.user
    let kinds: [(String, [String], [String: String])] = [
      ("basic", ["--auth", "basic", "--username", user], ["SNOWGATE_PASSWORD": ProfileWorkspace.password]),
      (
        "password", ["--auth", "password", "--client-id", ProfileWorkspace.clientID, "--username", user],
        [
          "SNOWGATE_PASSWORD": ProfileWorkspace.password,
          "SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret,
        ]
      ),
      (
        "cc", ["--auth", "client-credentials", "--client-id", ProfileWorkspace.clientID],
        ["SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret]
      ),
    ]
    for (name, arguments, secrets) in kinds {
      let setup = try run(
        ["setup", name, "--no-input", "--store", "file", "--instance", url] + arguments, secrets)
      XCTAssertEqual(setup.status, 0, "\(name): \(setup.stderr)")
      XCTAssertTrue(setup.stdout.contains("signed in as \(user)"), "\(name): \(setup.stdout)")
    }
    // A refresh-token profile from the password profile's refresh token, and a browser
    // profile as the wizard saves it.
    let stored = try JSONSerialization.jsonObject(with: Data(credentialsText().utf8)) as? [String: Any]
    let profiles = stored?["profiles"] as? [String: [String: Any]]
    let refresh = try XCTUnwrap(profiles?["password"]?["refreshToken"] as? String)
    let fromRefresh = try run(
      [
        "setup", "rt", "--no-input", "--store", "file", "--instance", url, "--auth", "refresh-token",
        "--client-id",
        ProfileWorkspace.clientID,
      ],
      ["SNOWGATE_REFRESH_TOKEN": refresh, "SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret])
    XCTAssertEqual(fromRefresh.status, 0, fromRefresh.stderr)
    let jwt = try jwtSetup()
    XCTAssertEqual(jwt.status, 0, jwt.stderr)
    let key = try run(
      ["setup", "key", "--no-input", "--store", "file", "--instance", url, "--auth", "api-key"],
      ["SNOWGATE_API_KEY": Self.apiKey])
    XCTAssertEqual(key.status, 0, key.stderr)
    try addBrowserProfile("browser", instance: url)

    for name in ["basic", "password", "cc", "rt", "jwt", "key", "browser"] {
      let logout = try run(["logout", name])
      XCTAssertEqual(logout.status, 0, "\(name): \(logout.stderr)")
      XCTAssertTrue(logout.stderr.contains("\(name) is signed out"), "\(name): \(logout.stderr)")
      assertNoSecret(logout.stdout, logout.stderr)
      try assertSignedOut(name)
      // Even with the secret in the environment, a signed-out profile mints nothing.
      let withSecret = try run(["token", name], ["SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret])
      XCTAssertEqual(withSecret.status, 3, "\(name): \(withSecret.stderr)")
    }
    let remaining = credentialsText()
    for secret in [ProfileWorkspace.password, ProfileWorkspace.clientSecret, Self.apiKey, refresh] {
      XCTAssertFalse(remaining.contains(secret), "a secret stayed after logout")
    }
  }

  func testKeepSecretsForgetsOnlyTheTokens() throws {
    let setup = try run(
      [
        "setup", "cc", "--no-input", "--store", "file", "--instance", simulator.url.absoluteString, "--auth",
        "client-credentials",
        "--client-id", ProfileWorkspace.clientID,
      ], ["SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret])
    XCTAssertEqual(setup.status, 0, setup.stderr)
    let logout = try run(["logout", "cc", "--keep-secrets"])
    XCTAssertEqual(logout.status, 0, logout.stderr)
    XCTAssertFalse(logout.stderr.contains("signed out"), logout.stderr)
    XCTAssertTrue(credentialsText().contains(ProfileWorkspace.clientSecret))
    XCTAssertFalse(credentialsText().contains("accessToken"))
    XCTAssertEqual(try run(["token", "cc"]).status, 0)
  }

  /// Adds an authorization-code profile with a saved refresh token, as the wizard would.
  private func addBrowserProfile(_ name: String, instance: String) throws {
    let configURL = configDirectory.appendingPathComponent("config.json")
    let credentialsURL = configDirectory.appendingPathComponent("credentials.json")
    var config = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as? [String: Any])
    var profiles = config["profiles"] as? [[String: Any]] ?? []
    profiles.append([
      "name": name, "instanceURL": instance, "authType": "oauthAuthorizationCode",
      "clientID": ProfileWorkspace.clientID, "redirectURI": "http://127.0.0.1:8484/callback",
      "secretStore": ["kind": "file"], "createdAt": "2026-01-01T00:00:00Z",
      "updatedAt": "2026-01-01T00:00:00Z",
    ])
    config["profiles"] = profiles
    try JSONSerialization.data(withJSONObject: config).write(to: configURL)
    var credentials = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: credentialsURL)) as? [String: Any])
    var entries = credentials["profiles"] as? [String: Any] ?? [:]
    entries[name] = ["clientSecret": ProfileWorkspace.clientSecret, "refreshToken": "S3CR3T-browser-refresh"]
    credentials["profiles"] = entries
    try JSONSerialization.data(withJSONObject: credentials).write(to: credentialsURL)
    chmod(credentialsURL.path, 0o600)
    chmod(configURL.path, 0o600)
  }
}
