import Foundation

/// The tokens one successful grant returned, with when they were obtained so expiry can be computed.
///
/// Not `Codable` on purpose (it holds secrets): the profile store writes the fields it means to keep.
public struct TokenSet: Sendable, Equatable {
  public var accessToken: Secret
  /// Absent for client credentials, and sometimes on a refresh (depends on the release).
  public var refreshToken: Secret?
  public var tokenType: String
  public var scope: String?
  /// Seconds the access token lives, as the instance said (one second short of the lifespan).
  public var expiresIn: Int?
  public var obtainedAt: Date

  public init(
    accessToken: Secret, refreshToken: Secret?, tokenType: String, scope: String?, expiresIn: Int?,
    obtainedAt: Date
  ) {
    self.accessToken = accessToken
    self.refreshToken = refreshToken
    self.tokenType = tokenType
    self.scope = scope
    self.expiresIn = expiresIn
    self.obtainedAt = obtainedAt
  }

  /// When the access token stops working, when the instance said how long it lives.
  public var expiresAt: Date? {
    expiresIn.map { obtainedAt.addingTimeInterval(TimeInterval($0)) }
  }

  /// Whether the access token expires within `margin` seconds of `now` (unknown expiry: never).
  public func expires(within margin: TimeInterval, now: Date) -> Bool {
    guard let expiresAt else { return false }
    return expiresAt.timeIntervalSince(now) <= margin
  }

  /// Reads a 200 answer of the token endpoint; nil when it is not a usable token answer.
  ///
  /// `expires_in` arrives as a number, but some proxies and releases send it as a string.
  public static func parse(_ body: Data, obtainedAt: Date) -> TokenSet? {
    guard let object = BoundedJSON.object(body),
      let access = object["access_token"] as? String, !access.isEmpty
    else { return nil }
    let refresh = (object["refresh_token"] as? String).flatMap { $0.isEmpty ? nil : Secret($0) }
    let expires: Int?
    if let number = object["expires_in"] as? NSNumber {
      expires = number.intValue
    } else if let text = object["expires_in"] as? String {
      expires = Int(text)
    } else {
      expires = nil
    }
    return TokenSet(
      accessToken: Secret(access), refreshToken: refresh,
      tokenType: (object["token_type"] as? String) ?? "Bearer", scope: object["scope"] as? String,
      expiresIn: expires, obtainedAt: obtainedAt)
  }
}
