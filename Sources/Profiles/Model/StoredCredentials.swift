import Foundation

/// The secrets of one profile as credentials.json holds them.
///
/// `save(profile:secrets:)` takes this too; the store keeps only what the profile's
/// `SecretStore` allows.
public struct StoredCredentials: Codable, Equatable, Sendable {
  public var password: StoredSecret?
  public var clientSecret: StoredSecret?
  public var accessToken: StoredSecret?
  public var accessTokenExpiresAt: Date?
  public var refreshToken: StoredSecret?
  public var refreshTokenExpiresAt: Date?

  public init(
    password: StoredSecret? = nil, clientSecret: StoredSecret? = nil, accessToken: StoredSecret? = nil,
    accessTokenExpiresAt: Date? = nil, refreshToken: StoredSecret? = nil,
    refreshTokenExpiresAt: Date? = nil
  ) {
    self.password = password
    self.clientSecret = clientSecret
    self.accessToken = accessToken
    self.accessTokenExpiresAt = accessTokenExpiresAt
    self.refreshToken = refreshToken
    self.refreshTokenExpiresAt = refreshTokenExpiresAt
  }

  /// True when nothing at all is stored.
  public var isEmpty: Bool { self == StoredCredentials() }

  /// Only the tokens issued by the instance, for stores that cache tokens but not user secrets.
  var issuedTokensOnly: StoredCredentials {
    StoredCredentials(
      accessToken: accessToken, accessTokenExpiresAt: accessTokenExpiresAt, refreshToken: refreshToken,
      refreshTokenExpiresAt: refreshTokenExpiresAt)
  }
}
