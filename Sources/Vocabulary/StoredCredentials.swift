import Platform

/// The secrets of one profile: as credentials.json holds them, as they resolve for a run
/// (`ResolvedSecrets` adds where each came from), and as a scripted setup gathers them.
///
/// `save(profile:secrets:)` takes this too; the store keeps only what the profile's
/// `SecretStore` allows.
public struct StoredCredentials: Codable, Equatable, Sendable {
  public var password: Secret?
  public var clientSecret: Secret?
  public var accessToken: Secret?
  public var accessTokenExpiresAt: Date?
  public var refreshToken: Secret?
  public var refreshTokenExpiresAt: Date?
  public var apiKey: Secret?
  /// The passphrase of a client certificate's encrypted key.
  public var keyPassphrase: Secret?

  public init(
    password: Secret? = nil, clientSecret: Secret? = nil, accessToken: Secret? = nil,
    accessTokenExpiresAt: Date? = nil, refreshToken: Secret? = nil,
    refreshTokenExpiresAt: Date? = nil, apiKey: Secret? = nil, keyPassphrase: Secret? = nil
  ) {
    self.password = password
    self.clientSecret = clientSecret
    self.accessToken = accessToken
    self.accessTokenExpiresAt = accessTokenExpiresAt
    self.refreshToken = refreshToken
    self.refreshTokenExpiresAt = refreshTokenExpiresAt
    self.apiKey = apiKey
    self.keyPassphrase = keyPassphrase
  }

  /// The secret of one kind (the expiry dates go with their tokens, set apart).
  public subscript(kind: SecretKind) -> Secret? {
    get {
      switch kind {
      case .password: password
      case .clientSecret: clientSecret
      case .refreshToken: refreshToken
      case .accessToken: accessToken
      case .apiKey: apiKey
      case .keyPassphrase: keyPassphrase
      }
    }
    set {
      switch kind {
      case .password: password = newValue
      case .clientSecret: clientSecret = newValue
      case .refreshToken: refreshToken = newValue
      case .accessToken: accessToken = newValue
      case .apiKey: apiKey = newValue
      case .keyPassphrase: keyPassphrase = newValue
      }
    }
  }

  /// True when nothing at all is stored.
  public var isEmpty: Bool { self == StoredCredentials() }

  /// Only the tokens issued by the instance, for stores that cache tokens but not user secrets.
  public var issuedTokensOnly: StoredCredentials {
    StoredCredentials(
      accessToken: accessToken, accessTokenExpiresAt: accessTokenExpiresAt, refreshToken: refreshToken,
      refreshTokenExpiresAt: refreshTokenExpiresAt)
  }

  /// Only what a person supplies (`SecretKind.userKinds`), without the issued access token and
  /// the expiry dates.
  public var userSecretsOnly: StoredCredentials {
    var kept = StoredCredentials()
    for kind in SecretKind.userKinds { kept[kind] = self[kind] }
    return kept
  }
}
