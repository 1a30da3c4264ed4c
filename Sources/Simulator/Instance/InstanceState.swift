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

  /// Most live tokens or codes of one kind kept; past it the ones closest to expiry go first.
  static let capacity = 10_000

  /// Forgets expired tokens and codes, and the oldest beyond `capacity`, so memory stays bounded.
  mutating func purgeExpired() {
    let now = self.now
    accessTokens = Self.trimmed(accessTokens.filter { $0.value.expiresAt > now }, by: \.expiresAt)
    refreshTokens = Self.trimmed(refreshTokens.filter { $0.value.expiresAt > now }, by: \.expiresAt)
    codes = Self.trimmed(codes.filter { $0.value.expiresAt > now }, by: \.expiresAt)
  }

  private static func trimmed<Item>(_ items: [String: Item], by expiry: KeyPath<Item, Date>) -> [String: Item]
  {
    guard items.count >= capacity else { return items }
    let kept = items.sorted { $0.value[keyPath: expiry] > $1.value[keyPath: expiry] }.prefix(capacity - 1)
    return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
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
