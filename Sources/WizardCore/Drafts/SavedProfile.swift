import Vocabulary

/// A saved (or half-finished) profile loaded for editing, with its secrets.
///
/// The runtime answers `.loadProfile(name:)` with this; fields a half-finished setup never
/// reached, or its auth kind does not use, are empty. Tokens are not loaded: editing a profile
/// generates new ones on the token screen.
public struct SavedProfile: Equatable, Sendable {
  public var name: String
  /// As saved; goes through the normaliser again like typed text.
  public var instance: String
  public var authKind: AuthKind?
  public var username: String
  public var password: Secret
  public var clientID: String
  public var clientSecret: Secret
  public var scope: String
  /// Nil for the default, http://127.0.0.1:8484/callback.
  public var redirectURI: String?
  /// The refresh token of the refresh-token kind (the one the user pasted, or its successor).
  public var refreshToken: Secret
  /// The REST API key of the API key kind.
  public var apiKey: Secret
  /// JWT bearer: the private key's file and the Key ID; the subject is `username`.
  public var jwtKeyFile: String
  public var jwtKeyID: String
  public var secretStore: SecretStore
  /// The screen a half-finished setup stopped at, to reopen there; nil for a saved profile.
  public var resumeAt: WizardScreen?
  /// A certificate profile's certificate and key files, and its key's passphrase.
  public var clientCertificateFile = ""
  public var clientKeyFile = ""
  public var keyPassphrase = Secret.empty

  public init(
    name: String, instance: String, authKind: AuthKind? = nil, username: String = "",
    password: Secret = .empty, clientID: String = "", clientSecret: Secret = .empty,
    scope: String = "", redirectURI: String? = nil, refreshToken: Secret = .empty,
    apiKey: Secret = .empty, jwtKeyFile: String = "", jwtKeyID: String = "",
    secretStore: SecretStore = .file, resumeAt: WizardScreen? = nil
  ) {
    self.apiKey = apiKey
    self.jwtKeyFile = jwtKeyFile
    self.jwtKeyID = jwtKeyID
    self.resumeAt = resumeAt
    self.name = name
    self.instance = instance
    self.authKind = authKind
    self.username = username
    self.password = password
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.scope = scope
    self.redirectURI = redirectURI
    self.refreshToken = refreshToken
    self.secretStore = secretStore
  }
}
