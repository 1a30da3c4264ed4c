import Foundation
import Simulator
import SystemCommands
import Testing

/// The simulator's JWT bearer grant: one success and the failures a real instance answers with its catch-all.
@Suite struct JWTBearerGrantTests {
  static let catchAll = #"{"error_description":"access_denied","error":"server_error"}"#

  /// Two RSA key pairs made once, kept in memory (PEM): the app's registered one and a stranger's.
  struct Keys: Sendable {
    var registered: String
    var registeredPublic: String
    var stranger: String
  }

  static let keys = Task { () throws -> Keys in
    try await withFolder { folder in
      var pems: [String] = []
      for name in ["registered", "stranger"] {
        let file = folder + "/" + name + ".pem"
        let made = try await SystemCommand(
          ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file]
        ).output()
        try #require(made.succeeded, "openssl genpkey: \(made.errorText)")
        pems.append(try String(contentsOfFile: file, encoding: .utf8))
      }
      let exported = try await SystemCommand(
        ["openssl", "pkey", "-pubout"], input: Data(pems[0].utf8)
      ).output()
      let publicPEM = String(decoding: exported.standardOutput, as: UTF8.self)
      try #require(publicPEM.contains("BEGIN PUBLIC KEY"))
      return Keys(registered: pems[0], registeredPublic: publicPEM, stranger: pems[1])
    }
  }

  /// A fresh 0700 folder, removed when `body` returns.
  static func withFolder<T>(_ body: (String) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sim-jwt-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try await body(folder)
  }

  let clientID = "snowgate-demo"
  let clientSecret = "demo-secret"

  private func harness(userField: String = "user_name") async throws -> SimulatorHarness {
    var configuration = SimulatorConfiguration.demo
    configuration.jwtVerifiers = [
      SimulatedJWTVerifier(
        clientID: clientID, keyID: "kid-1", publicKeyPEM: try await Self.keys.value.registeredPublic,
        userField: userField)
    ]
    return try SimulatorHarness(configuration)
  }

  /// Claims that pass, to be spoiled one at a time.
  private func claims(now: Date = Date()) -> [String: Any] {
    let seconds = Int(now.timeIntervalSince1970)
    return [
      "iss": clientID, "aud": clientID, "sub": "abel.tuter", "jti": UUID().uuidString, "iat": seconds,
      "exp": seconds + 300,
    ]
  }

  private func assertion(
    header: [String: Any] = ["alg": "RS256", "typ": "JWT", "kid": "kid-1"], claims: [String: Any],
    key: String? = nil
  ) async throws -> String {
    let keys = try await Self.keys.value
    func part(_ object: [String: Any]) throws -> String {
      base64URL(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
    let input = try part(header) + "." + part(claims)
    let signature = try await Self.withFolder { folder in
      let file = folder + "/key.pem"
      try (key ?? keys.registered).write(toFile: file, atomically: false, encoding: .utf8)
      let signed = try await SystemCommand(
        ["openssl", "dgst", "-sha256", "-sign", file], input: Data(input.utf8)
      )
      .output()
      try #require(signed.succeeded)
      return signed.standardOutput
    }
    return input + "." + base64URL(signature)
  }

  private func grant(_ sim: SimulatorHarness, _ assertion: String, secret: String? = nil) async throws
    -> Answer
  {
    try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("client_id", clientID),
        ("client_secret", secret ?? clientSecret), ("assertion", assertion),
      ])
  }

  @Test func aGoodAssertionGetsAnAccessTokenWithoutRefreshToken() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    let answer = try await grant(sim, try await assertion(claims: claims()))
    #expect(answer.status == 200)
    let json = try #require(answer.json)
    #expect(Set(json.allKeys as! [String]) == ["scope", "token_type", "expires_in", "access_token"])
    #expect(json["token_type"] as? String == "Bearer")
    let token = try #require(json["access_token"] as? String)
    let table = try await sim.send("GET", "/api/now/table/sys_user?sysparm_limit=1", bearer: token)
    #expect(table.status == 200, "the issued token does not work on the Table API")
  }

  @Test func theSubjectCanBeTheEmailWhenTheUserFieldSaysSo() async throws {
    let sim = try await harness(userField: "email")
    defer { sim.stop() }
    var byEmail = claims()
    byEmail["sub"] = "abel.tuter@example.com"
    #expect(try await grant(sim, try await assertion(claims: byEmail)).status == 200)
    #expect(try await grant(sim, try await assertion(claims: claims())).status == 401)
  }

  @Test func aSignatureByAnotherKeyIsRefused() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    let answer = try await grant(
      sim, try await assertion(claims: claims(), key: try await Self.keys.value.stranger))
    #expect(answer.status == 401)
    #expect(answer.text == Self.catchAll)
  }

  @Test func aTamperedPayloadIsRefused() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    let good = try await assertion(claims: claims())
    var parts = good.split(separator: ".").map(String.init)
    var admin = claims()
    admin["sub"] = "admin"
    parts[1] = base64URL(try JSONSerialization.data(withJSONObject: admin, options: [.sortedKeys]))
    let answer = try await grant(sim, parts.joined(separator: "."))
    #expect(answer.status == 401)
    #expect(answer.text == Self.catchAll)
  }

  @Test func anExpiredOrFarFutureAssertionIsRefused() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    var expired = claims()
    expired["exp"] = Int(Date().timeIntervalSince1970) - 10
    var forever = claims()
    forever["exp"] = Int(Date().timeIntervalSince1970) + 2 * 86_400
    for spoiled in [expired, forever] {
      let answer = try await grant(sim, try await assertion(claims: spoiled))
      #expect(answer.status == 401)
      #expect(answer.text == Self.catchAll)
    }
  }

  @Test func anUnknownOrMissingKeyIDIsRefused() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    for header: [String: Any] in [
      ["alg": "RS256", "typ": "JWT", "kid": "kid-2"], ["alg": "RS256", "typ": "JWT"],
      ["alg": "HS256", "typ": "JWT", "kid": "kid-1"],
    ] {
      let answer = try await grant(sim, try await assertion(header: header, claims: claims()))
      #expect(answer.status == 401, "\(header)")
      #expect(answer.text == Self.catchAll)
    }
  }

  @Test func theWrongIssuerAudienceOrSubjectIsRefused() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    for (name, value) in [("iss", "someone-else"), ("aud", "someone-else"), ("sub", "nobody")] {
      var spoiled = claims()
      spoiled[name] = value
      let answer = try await grant(sim, try await assertion(claims: spoiled))
      #expect(answer.status == 401, "\(name)")
      #expect(answer.text == Self.catchAll)
    }
    var listed = claims()
    listed["aud"] = ["other", clientID]
    #expect(try await grant(sim, try await assertion(claims: listed)).status == 200)
  }

  @Test func theClientSecretIsStillNeeded() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    let answer = try await grant(sim, try await assertion(claims: claims()), secret: "wrong")
    #expect(answer.status == 401)
    #expect(answer.text == Self.catchAll)
  }

  @Test func withoutAVerifierMapTheGrantIsRefused() async throws {
    let sim = try SimulatorHarness()
    defer { sim.stop() }
    let answer = try await grant(sim, try await assertion(claims: claims()))
    #expect(answer.status == 401)
    #expect(answer.text == Self.catchAll)
  }

  @Test func garbageInsteadOfAnAssertionIsRefused() async throws {
    let sim = try await harness()
    defer { sim.stop() }
    for garbage in ["", "a.b", "a.b.c", "!!.??.**", String(repeating: "a", count: 20_000)] {
      let answer = try await grant(sim, garbage)
      #expect(answer.status == 401)
      #expect(answer.text == Self.catchAll)
    }
  }

  private func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
      of: "/", with: "_"
    )
    .replacingOccurrences(of: "=", with: "")
  }
}
