import Foundation
import Vocabulary

/// Tokens the instance issued, with what the token screen shows about them.
///
/// The runtime fills the dates from its clock when the answer arrives; the wizard has none.
public struct TokenSummary: Equatable, Sendable {
  /// Usually `Bearer`.
  public var tokenType: String
  /// The granted scope, e.g. `useraccount`; may be empty.
  public var scope: String
  /// When the access token stops working (obtainedAt + expires_in).
  public var expiresAt: Date
  /// When the answer arrived.
  public var obtainedAt: Date
  public var accessToken: Secret
  /// Nil when none came back (client credentials; some refresh answers).
  public var refreshToken: Secret?

  public init(
    tokenType: String, scope: String, expiresAt: Date, obtainedAt: Date, accessToken: Secret,
    refreshToken: Secret? = nil
  ) {
    self.tokenType = tokenType
    self.scope = scope
    self.expiresAt = expiresAt
    self.obtainedAt = obtainedAt
    self.accessToken = accessToken
    self.refreshToken = refreshToken
  }

  /// Whether a refresh token came back.
  public var hasRefreshToken: Bool { refreshToken != nil }

  /// Whole seconds the access token lived when it arrived.
  public var lifetimeSeconds: Int { Int(expiresAt.timeIntervalSince(obtainedAt).rounded(.down)) }
}
