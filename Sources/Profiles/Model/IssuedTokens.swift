import Foundation
import Vocabulary

/// Tokens the instance just issued, to be written back with `updateTokens(profile:_:)`.
public struct IssuedTokens: Equatable, Sendable {
  public var accessToken: Secret
  public var accessTokenExpiresAt: Date?
  /// The new refresh token, or nil when the answer had none (the stored one is kept).
  public var refreshToken: Secret?
  public var refreshTokenExpiresAt: Date?

  public init(
    accessToken: Secret, accessTokenExpiresAt: Date?, refreshToken: Secret? = nil,
    refreshTokenExpiresAt: Date? = nil
  ) {
    self.accessToken = accessToken
    self.accessTokenExpiresAt = accessTokenExpiresAt
    self.refreshToken = refreshToken
    self.refreshTokenExpiresAt = refreshTokenExpiresAt
  }
}
