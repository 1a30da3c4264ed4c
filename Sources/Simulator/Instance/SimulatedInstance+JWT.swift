import Platform
import SystemCommands

/// The JWT bearer grant at `/oauth_token.do` (RFC 7523), checked as a real instance does.
///
/// The assertion's header names a `kid` of the client's JWT verifier map, its signature must
/// verify with that key (checked by the system's `openssl`, no cryptography written here), `iss`
/// and `aud` are the client ID, `sub` a known user, and `exp` in the future but not far. Every
/// failure is the token endpoint's catch-all 401. Success carries no refresh token.
extension SimulatedInstance {
  /// The `grant_type` of the JWT bearer grant.
  static let jwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"
  /// The longest assertion looked at.
  static let maximumAssertionLength = 16 * 1024
  /// How far in the future `exp` may lie: more is not a short-lived assertion.
  static let maximumAssertionLifetime: TimeInterval = 3600

  /// Answers a JWT bearer grant for `client`, whose secret has been compared already.
  func jwtBearer(
    assertion: String?, client: SimulatedOAuthClient, secretMatches: Bool, scope: String,
    _ configuration: SimulatorConfiguration
  ) -> SimulatedResponse {
    let denied = InstanceResponses.accessDenied
    guard secretMatches, !client.publicClient, let assertion,
      assertion.utf8.count <= Self.maximumAssertionLength
    else { return denied }
    let parts = assertion.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3, let header = Self.jsonObject(parts[0]), let claims = Self.jsonObject(parts[1]),
      let signature = Self.base64URLDecode(parts[2]), !signature.isEmpty,
      header["alg"]?.string == "RS256", let keyID = header["kid"]?.string,
      let verifier = configuration.jwtVerifiers.first(where: { $0.clientID == client.id && $0.keyID == keyID }
      )
    else { return denied }
    let now = state.withLock { $0.now }.timeIntervalSince1970
    guard claims["iss"]?.string == client.id, Self.audience(claims["aud"], is: client.id),
      let expiry = claims["exp"]?.double, expiry > now,
      expiry <= now + Self.maximumAssertionLifetime, let subject = claims["sub"]?.string,
      let user = configuration.users.first(where: {
        verifier.userField == "email" ? $0.email == subject && !$0.email.isEmpty : $0.userName == subject
      })
    else { return denied }
    guard Self.signatureVerifies(Data(utf8Of: parts[0] + "." + parts[1]), signature, verifier.publicKeyPEM)
    else {
      return denied
    }
    return issue(user: user.userName, client: client, scope: scope, reuse: false, withRefresh: false)
  }

  /// `aud` may be one string or a list of them.
  private static func audience(_ value: JSONValue?, is clientID: String) -> Bool {
    if let single = value?.string { return single == clientID }
    if let list = value?.array {
      let names = list.compactMap(\.string)
      return names.count == list.count && names.contains(clientID)
    }
    return false
  }

  private static func base64URLDecode(_ text: String) -> Data? {
    guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
      return nil
    }
    var base64 = PlainString.replacing("_", with: "/", in: PlainString.replacing("-", with: "+", in: text))
    while base64.count % 4 != 0 { base64 += "=" }
    return Data(base64Encoded: base64)
  }

  /// The JSON object a JWT part holds, within BoundedJSON's bounds like any JSON read.
  private static func jsonObject(_ part: String) -> JSONValue? {
    base64URLDecode(part).flatMap { BoundedJSON.object($0) }
  }

  /// Whether `signature` is an RSA SHA-256 signature of `input` by the key in `pem`, per openssl.
  ///
  /// openssl wants the key and the signature as files; they go to a fresh 0700 folder that is
  /// removed at once. The signed input goes on standard input.
  static func signatureVerifies(_ input: Data, _ signature: Data, _ pem: String) -> Bool {
    let files = FileManager.default
    let folder = files.temporaryDirectory.appendingPathComponent("snowgate-jwt-\(UUID().uuidString)")
    do {
      try files.createDirectory(
        at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      return false
    }
    defer { try? files.removeItem(at: folder) }
    let keyFile = folder.appendingPathComponent("verifier.pem")
    let signatureFile = folder.appendingPathComponent("signature")
    guard (try? Data(utf8Of: pem).write(to: keyFile)) != nil, (try? signature.write(to: signatureFile)) != nil
    else {
      return false
    }
    let command = SystemCommand(
      ["openssl", "dgst", "-sha256", "-verify", keyFile.path, "-signature", signatureFile.path], input: input,
      deadline: 5)
    guard let result = try? command.run() else { return false }
    return result.succeeded
  }
}
