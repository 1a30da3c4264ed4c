import Platform

/// One entry of an OAuth app's JWT verifier map: the key that checks the app's JWT bearer assertions.
///
/// A real instance keeps a certificate in a keystore under a Key ID; the simulator keeps the
/// public key itself (PEM, as `openssl pkey -pubout` prints it) and checks signatures with the
/// system's `openssl`, like the client that signs them.
public struct SimulatedJWTVerifier: Sendable, Codable, Equatable {
  /// The Client ID of the app whose map this entry belongs to.
  public var clientID: String
  /// The Key ID an assertion's header must name as `kid`.
  public var keyID: String
  /// The RSA public key, PEM.
  public var publicKeyPEM: String
  /// Which `sys_user` field `sub` names: `user_name` (the default) or `email` (the app's "User Field").
  public var userField: String

  public init(clientID: String, keyID: String, publicKeyPEM: String, userField: String = "user_name") {
    self.clientID = clientID
    self.keyID = keyID
    self.publicKeyPEM = publicKeyPEM
    self.userField = userField
  }

  enum CodingKeys: String, CodingKey {
    case clientID, keyID, publicKeyPEM, userField
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      clientID: try container.decode(String.self, forKey: .clientID),
      keyID: try container.decode(String.self, forKey: .keyID),
      publicKeyPEM: try container.decode(String.self, forKey: .publicKeyPEM),
      userField: try container.decodeIfPresent(String.self, forKey: .userField) ?? "user_name")
  }
}
