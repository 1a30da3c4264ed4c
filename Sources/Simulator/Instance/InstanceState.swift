import Foundation

/// The mutable part of the simulated instance: configuration, issued tokens and codes, and the clock.
struct InstanceState: Sendable {
  var configuration: SimulatorConfiguration
  var accessTokens: [String: IssuedToken] = [:]
  var refreshTokens: [String: IssuedToken] = [:]
  var codes: [String: AuthorizationCode] = [:]
  /// Added to the wall clock, so tests can let tokens expire without sleeping.
  var clockOffset: TimeInterval = 0

  /// The instance's idea of now.
  var now: Date { Date().addingTimeInterval(clockOffset) }

  /// Forgets expired tokens and codes, so a long-running demo does not grow without bound.
  mutating func purgeExpired() {
    let now = self.now
    accessTokens = accessTokens.filter { $0.value.expiresAt > now }
    refreshTokens = refreshTokens.filter { $0.value.expiresAt > now }
    codes = codes.filter { $0.value.expiresAt > now }
  }

  /// Revokes an access or refresh token; a refresh token takes its access tokens with it.
  mutating func revoke(_ token: String) {
    accessTokens[token] = nil
    if refreshTokens.removeValue(forKey: token) != nil {
      accessTokens = accessTokens.filter { $0.value.refreshToken != token }
    }
  }

  /// The live access token for `value`, if any.
  func validAccessToken(_ value: String) -> IssuedToken? {
    guard let token = accessTokens[value], token.expiresAt > now else { return nil }
    return token
  }
}
