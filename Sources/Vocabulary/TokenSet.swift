import Platform

/// The tokens one successful grant returned, with when they were obtained so expiry is known.
///
/// One type for the client's answer, the wizard's token screen and what the profile store writes
/// back. Not `Codable` on purpose (it holds secrets): the store writes the fields it means to keep.
public struct TokenSet: Sendable, Equatable {
  public var accessToken: Secret
  /// Absent for client credentials, and sometimes on a refresh (depends on the release).
  public var refreshToken: Secret?
  /// Usually `Bearer`.
  public var tokenType: String
  /// The granted scope, e.g. `useraccount`; nil or empty when none was given.
  public var scope: String?
  /// When the access token stops working; nil when the instance did not say.
  public var expiresAt: Date?
  /// When the answer arrived.
  public var obtainedAt: Date
  /// When the refresh token stops working, when known (never in a token answer).
  public var refreshTokenExpiresAt: Date?

  public init(
    tokenType: String = "Bearer", scope: String? = nil, expiresAt: Date?, obtainedAt: Date,
    accessToken: Secret, refreshToken: Secret? = nil, refreshTokenExpiresAt: Date? = nil
  ) {
    self.accessToken = accessToken
    self.refreshToken = refreshToken
    self.tokenType = tokenType
    self.scope = scope
    self.expiresAt = expiresAt
    self.obtainedAt = obtainedAt
    self.refreshTokenExpiresAt = refreshTokenExpiresAt
  }

  /// A token answer as the instance gave it: `expires_in` seconds from `obtainedAt`.
  public init(
    accessToken: Secret, refreshToken: Secret?, tokenType: String, scope: String?, expiresIn: Int?,
    obtainedAt: Date
  ) {
    self.init(
      tokenType: tokenType, scope: scope,
      expiresAt: expiresIn.map { obtainedAt.addingTimeInterval(TimeInterval($0)) }, obtainedAt: obtainedAt,
      accessToken: accessToken, refreshToken: refreshToken)
  }

  /// Seconds the access token lived when it arrived (one second short of the lifespan, as the
  /// instance says it); nil when unknown.
  public var expiresIn: Int? {
    expiresAt.map { Int($0.timeIntervalSince(obtainedAt).rounded(.down)) }
  }

  /// Whole seconds the access token lived when it arrived; 0 when unknown.
  public var lifetimeSeconds: Int { expiresIn ?? 0 }

  /// Whether a refresh token came back.
  public var hasRefreshToken: Bool { refreshToken != nil }

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
      let access = object["access_token"]?.string, !access.isEmpty
    else { return nil }
    let refresh = object["refresh_token"]?.string.flatMap { $0.isEmpty ? nil : Secret($0) }
    let expires: Int?
    if let number = object["expires_in"]?.double, abs(number) < 1e15 {
      expires = Int(number)
    } else if let text = object["expires_in"]?.string {
      expires = Int(text)
    } else {
      expires = nil
    }
    return TokenSet(
      accessToken: Secret(access), refreshToken: refresh,
      tokenType: object["token_type"]?.string ?? "Bearer", scope: object["scope"]?.string,
      expiresIn: expires, obtainedAt: obtainedAt)
  }
}
