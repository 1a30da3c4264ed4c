import Foundation
import ServiceNowClient
import SystemCommands
import Testing
import Vocabulary

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The JWT bearer assertion: its header and claims, and a signature openssl itself verifies.
@Suite struct JWTAssertionTests {
  let environment = ["PATH": "/usr/bin:/bin"]

  @Test func headerAndClaimsAreWhatServiceNowChecks() throws {
    let issued = Date(timeIntervalSince1970: 1_800_000_000.7)
    let assertion = JWTAssertion(
      clientID: "client-1", subject: "abel.tuter", keyID: "kid-7", issuedAt: issued, jwtID: "jti-1")
    #expect(
      String(decoding: assertion.headerJSON, as: UTF8.self) == #"{"alg":"RS256","kid":"kid-7","typ":"JWT"}"#)
    #expect(
      String(decoding: assertion.claimsJSON, as: UTF8.self)
        == #"{"aud":"client-1","exp":1800000300,"iat":1800000000,"iss":"client-1","jti":"jti-1","sub":"abel.tuter"}"#
    )
    let parts = assertion.signingInput.split(separator: ".")
    #expect(parts.count == 2)
    #expect(try decode(parts[0]) == assertion.headerJSON)
    #expect(try decode(parts[1]) == assertion.claimsJSON)
    #expect(!assertion.signingInput.contains("=") && !assertion.signingInput.contains("+"))
  }

  @Test func everyAssertionHasAFreshJWTID() {
    let one = JWTAssertion(clientID: "c", subject: "s", keyID: "k")
    let two = JWTAssertion(clientID: "c", subject: "s", keyID: "k")
    #expect(one.jwtID != two.jwtID)
    #expect(one.jwtID.count == 22)
    #expect(one.expiresAt.timeIntervalSince(one.issuedAt) == 300)
  }

  @Test func theSignatureVerifiesWithThePublicKey() async throws {
    try await withKeys { keys in
      let assertion = JWTAssertion(clientID: "client-1", subject: "admin", keyID: "k1")
      let jwt = try await assertion.signed(keyFile: keys.rsa, environment: environment).reveal()
      let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
      #expect(parts.count == 3)
      #expect(parts[0] + "." + parts[1] == assertion.signingInput)
      let signature = try decode(parts[2])
      #expect(signature.count == 256, "a 2048-bit RSA signature")
      let signatureFile = keys.folder + "/sig"
      try signature.write(to: URL(fileURLWithPath: signatureFile))
      let verify = try await SystemCommand(
        ["openssl", "dgst", "-sha256", "-verify", keys.rsaPublic, "-signature", signatureFile],
        input: Data(assertion.signingInput.utf8), environment: environment
      ).output()
      #expect(verify.succeeded)
      let tampered = try await SystemCommand(
        ["openssl", "dgst", "-sha256", "-verify", keys.rsaPublic, "-signature", signatureFile],
        input: Data((assertion.signingInput + "x").utf8), environment: environment
      ).output()
      #expect(!tampered.succeeded)
      let publicPEM = try await JWTSigningKey.publicKeyPEM(keys.rsa, environment: environment)
      #expect(publicPEM == (try String(contentsOfFile: keys.rsaPublic, encoding: .utf8)))
      #expect(!publicPEM.contains("PRIVATE"))
    }
  }

  @Test func unsuitableKeysAreNamedForPeople() async throws {
    try await withKeys { keys in
      let assertion = JWTAssertion(clientID: "c", subject: "s", keyID: "k")
      let cases: [(String, JWTSigningError)] = [
        (
          keys.folder + "/missing.pem",
          .keyUnreadable(path: keys.folder + "/missing.pem", reason: "there is no such file")
        ),
        (keys.folder, .keyUnreadable(path: keys.folder, reason: "it is a folder")),
        (keys.ec, .notAnRSAKey(path: keys.ec)),
        (keys.rsaPublic, .notAPrivateKey(path: keys.rsaPublic)),
        (keys.encrypted, .encryptedKey(path: keys.encrypted)),
      ]
      for (file, expected) in cases {
        await #expect(throws: expected) {
          try await assertion.signed(keyFile: file, environment: environment)
        }
      }
      #expect(JWTSigningError.notAnRSAKey(path: "k.pem").summary.contains("not an RSA key"))
      #expect(JWTSigningError.notAnRSAKey(path: "k.pem").failure.code == "jwt.key_not_rsa")
    }
  }

  @Test(.enabled(if: getuid() != 0, "root may read any file, so a mode-000 key stays readable"))
  func anUnreadableKeySaysSo() async throws {
    try await withKeys { keys in
      chmod(keys.rsa, 0)
      let assertion = JWTAssertion(clientID: "c", subject: "s", keyID: "k")
      do {
        _ = try await assertion.signed(keyFile: keys.rsa, environment: environment)
        Issue.record("a key nobody may read was used")
      } catch let error as JWTSigningError {
        #expect(error.code == "jwt.key_unreadable")
        #expect(error.summary.contains("may not read it"))
      }
    }
  }

  @Test func withoutOpensslTheErrorSaysToInstallIt() async throws {
    try await withKeys { keys in
      let assertion = JWTAssertion(clientID: "c", subject: "s", keyID: "k")
      await #expect(throws: JWTSigningError.opensslMissing) {
        try await assertion.signed(keyFile: keys.rsa, environment: ["PATH": keys.folder])
      }
      #expect(JWTSigningError.opensslMissing.remedies.joined().contains("apt install openssl"))
    }
  }

  @Test func theJWTBearerFormCarriesClientAndAssertion() throws {
    let request = TokenRequest.jwtBearerURLRequest(
      instance: URL(string: "https://dev1.service-now.com/now/nav/ui")!, clientID: "client one",
      clientSecret: Secret("S3CR3T+&"), assertion: Secret("aaa.bbb.c-_"))
    #expect(request.url.absoluteString == "https://dev1.service-now.com/oauth_token.do")
    #expect(request.method == "POST")
    let body = String(decoding: request.body ?? Data(), as: UTF8.self)
    #expect(
      body
        == "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&client_id=client%20one"
        + "&client_secret=S3CR3T%2B%26&assertion=aaa.bbb.c-_")
    let withoutSecret = TokenRequest.jwtBearerFormFields(
      clientID: "c", clientSecret: Secret(""), assertion: Secret("a"), scope: "useraccount")
    #expect(withoutSecret.map(\.name) == ["grant_type", "client_id", "assertion", "scope"])
  }

  // MARK: Support

  struct Keys {
    var folder: String
    var rsa: String
    var rsaPublic: String
    var ec: String
    var encrypted: String
  }

  private func withKeys(_ body: (Keys) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let keys = Keys(
      folder: folder, rsa: folder + "/rsa.pem", rsaPublic: folder + "/rsa.pub.pem", ec: folder + "/ec.pem",
      encrypted: folder + "/enc.pem")
    for arguments in [
      ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keys.rsa],
      ["pkey", "-in", keys.rsa, "-pubout", "-out", keys.rsaPublic],
      ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", keys.ec],
      ["pkey", "-in", keys.rsa, "-aes256", "-passout", "pass:sentinel-pass", "-out", keys.encrypted],
    ] {
      let result = try await SystemCommand(["openssl"] + arguments, environment: environment).output()
      try #require(result.succeeded, "openssl \(arguments[0]) failed: \(result.errorText)")
    }
    try await body(keys)
  }

  private func decode(_ part: Substring) throws -> Data {
    var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while text.count % 4 != 0 { text += "=" }
    return try #require(Data(base64Encoded: text))
  }
}
