/// The fields of the OAuth client screen; each kind shows some of them (`AuthKind.clientFields`).
public enum OAuthClientField: Equatable, Hashable, Sendable {
  case clientID
  case clientSecret
  case username
  case password
  case refreshToken
  case redirectURI
  /// JWT bearer: the PEM file of the private key that signs the assertion.
  case jwtKeyFile
  /// JWT bearer: the Key ID of the JWT verifier map entry, the assertion's `kid`.
  case jwtKeyID
  case scope
  /// The action "Create the OAuth client on the instance for me", after the fields.
  case createClient

  /// Whether the field holds a secret (drawn as bullets unless revealed).
  public var isSecret: Bool {
    switch self {
    case .clientSecret, .password, .refreshToken: return true
    case .clientID, .username, .redirectURI, .jwtKeyFile, .jwtKeyID, .scope, .createClient: return false
    }
  }
}
