/// The OAuth client screen's state: every field of every grant, so switching kinds keeps input.
public struct OAuthClientStep: Equatable, Sendable {
  /// Where the browser flow's listener waits unless the person changes it.
  public static let defaultRedirectURI = "http://127.0.0.1:8484/callback"

  public var clientID: TextInput
  public var clientSecret: SecretInput
  public var username: TextInput
  public var password: SecretInput
  public var refreshToken: SecretInput
  public var redirectURI: TextInput
  /// JWT bearer: the private key's file, as typed (the runtime makes it absolute).
  public var jwtKeyFile: TextInput = TextInput()
  /// JWT bearer: the Key ID (`kid`) of the verifier map entry.
  public var jwtKeyID: TextInput = TextInput()
  public var scope: TextInput
  public var focus: OAuthClientField
  /// The secret field shown in clear after Ctrl-R; hidden again when the screen is left.
  public var revealed: OAuthClientField?
  /// Why a field was refused after Enter; cleared when that field is edited.
  public var errors: [OAuthClientField: String]

  public init(
    clientID: TextInput = TextInput(), clientSecret: SecretInput = SecretInput(),
    username: TextInput = TextInput(), password: SecretInput = SecretInput(),
    refreshToken: SecretInput = SecretInput(), redirectURI: TextInput = TextInput(defaultRedirectURI),
    scope: TextInput = TextInput(), focus: OAuthClientField = .clientID, revealed: OAuthClientField? = nil,
    errors: [OAuthClientField: String] = [:]
  ) {
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.username = username
    self.password = password
    self.refreshToken = refreshToken
    self.redirectURI = redirectURI
    self.scope = scope
    self.focus = focus
    self.revealed = revealed
    self.errors = errors
  }

  /// Whether the field is empty (secrets and plain text alike).
  public func isEmpty(_ field: OAuthClientField) -> Bool {
    switch field {
    case .clientID: return clientID.text.isEmpty
    case .clientSecret: return clientSecret.secret.isEmpty
    case .username: return username.text.isEmpty
    case .password: return password.secret.isEmpty
    case .refreshToken: return refreshToken.secret.isEmpty
    case .redirectURI: return redirectURI.text.isEmpty
    case .jwtKeyFile: return jwtKeyFile.text.isEmpty
    case .jwtKeyID: return jwtKeyID.text.isEmpty
    case .scope: return scope.text.isEmpty
    case .createClient: return true
    }
  }
}
