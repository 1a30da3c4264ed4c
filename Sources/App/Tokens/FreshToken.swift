import Platform
import ServiceNowClient
import Vocabulary

/// An access token that is good for use now, and how `TokenService` came by it.
struct FreshToken: Sendable, Equatable {
  /// Where the token came from, so callers can say it (`--verbose`, the wizard's test screen).
  enum Origin: Sendable, Equatable {
    /// The saved token, still valid for longer than the margin.
    case stored
    /// A new token from the refresh token.
    case refreshed
    /// A new token from the profile's own grant (`grant_type` value).
    case granted(String)
  }

  var accessToken: Secret
  /// When it stops working; nil when the instance did not say.
  var expiresAt: Date?
  var origin: Origin
  /// Things that went wrong without stopping the token (the new tokens could not be saved).
  var warnings: [String] = []
}
