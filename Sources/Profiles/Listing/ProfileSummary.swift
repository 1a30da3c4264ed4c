import Platform
import Vocabulary

/// One line of `snowgate profiles` (and one object of `--json`): never a secret.
public struct ProfileSummary: Codable, Equatable, Sendable {
  public var name: String
  public var instanceURL: URL
  public var authType: AuthKind
  public var isDefault: Bool
  /// Where the secrets live, as `SecretStore.summary` words it.
  public var secretStore: String
  /// When the stored access token expires, if one is stored.
  public var accessTokenExpiresAt: Date?
  /// When the stored refresh token expires, if one is stored with an expiry.
  public var refreshTokenExpiresAt: Date?
  /// Whether a refresh token is stored (its expiry may be unknown).
  public var hasRefreshToken: Bool

  public init(
    name: String, instanceURL: URL, authType: AuthKind, isDefault: Bool, secretStore: String,
    accessTokenExpiresAt: Date? = nil, refreshTokenExpiresAt: Date? = nil, hasRefreshToken: Bool = false
  ) {
    self.name = name
    self.instanceURL = instanceURL
    self.authType = authType
    self.isDefault = isDefault
    self.secretStore = secretStore
    self.accessTokenExpiresAt = accessTokenExpiresAt
    self.refreshTokenExpiresAt = refreshTokenExpiresAt
    self.hasRefreshToken = hasRefreshToken
  }
}
