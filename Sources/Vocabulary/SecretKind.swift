/// One kind of secret a profile can need.
public enum SecretKind: String, Codable, Sendable, CaseIterable, Comparable {
  case password
  case clientSecret
  case refreshToken
  case accessToken
  /// A REST API key (`x-sn-apikey`).
  case apiKey
  /// The passphrase of a client certificate's encrypted private key (none for a plain key).
  case keyPassphrase

  /// The kinds a person supplies (all but the access token, which the instance issues), in
  /// `SecretKind` order.
  public static let userKinds: [SecretKind] = [
    .password, .clientSecret, .refreshToken, .apiKey, .keyPassphrase,
  ]

  /// Whether a sign-in works without it: a public OAuth client has no secret, a plain key no
  /// passphrase. An empty answer for such a kind means "none".
  public var isOptional: Bool { self == .clientSecret || self == .keyPassphrase }

  /// The environment variable that overrides a stored secret of this kind, if there is one.
  public var environmentVariable: String? {
    switch self {
    case .password: "SNOWGATE_PASSWORD"
    case .clientSecret: "SNOWGATE_CLIENT_SECRET"
    case .refreshToken: "SNOWGATE_REFRESH_TOKEN"
    case .accessToken: nil
    case .apiKey: "SNOWGATE_API_KEY"
    case .keyPassphrase: "SNOWGATE_KEY_PASSPHRASE"
    }
  }

  /// The name an external secret command receives for this kind (`{secret}` and `SNOWGATE_SECRET_KIND`).
  public var commandName: String {
    switch self {
    case .password: "password"
    case .clientSecret: "client_secret"
    case .refreshToken: "refresh_token"
    case .accessToken: "access_token"
    case .apiKey: "api_key"
    case .keyPassphrase: "key_passphrase"
    }
  }

  /// Words for people: "password", "client secret", …
  public var displayName: String {
    switch self {
    case .password: "password"
    case .clientSecret: "client secret"
    case .refreshToken: "refresh token"
    case .accessToken: "access token"
    case .apiKey: "API key"
    case .keyPassphrase: "key passphrase"
    }
  }

  public static func < (lhs: SecretKind, rhs: SecretKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
