import Profiles

/// The words `--auth` accepts and listings show, mapped to the stored `AuthType`.
///
/// The flag words are what people type in scripts, so they stay short and match the OAuth
/// grant names; config.json keeps `AuthType`'s raw values, which never change.
enum AuthFlag {
  /// Every accepted `--auth` word, in the order help text lists them.
  static let words = ["basic", "password", "refresh-token", "client-credentials", "authorization-code"]

  /// The auth type a `--auth` word names, or nil.
  static func authType(_ word: String) -> AuthType? {
    switch word.lowercased() {
    case "basic": .basic
    case "password": .oauthPassword
    case "refresh-token": .oauthRefreshToken
    case "client-credentials": .oauthClientCredentials
    case "authorization-code": .oauthAuthorizationCode
    default: nil
    }
  }

  /// The `--auth` word for an auth type (the inverse of `authType(_:)`).
  static func word(_ type: AuthType) -> String {
    switch type {
    case .basic: "basic"
    case .oauthPassword: "password"
    case .oauthRefreshToken: "refresh-token"
    case .oauthClientCredentials: "client-credentials"
    case .oauthAuthorizationCode: "authorization-code"
    }
  }

  /// Words for the table of `snowgate profiles`.
  static func display(_ type: AuthType) -> String {
    switch type {
    case .basic: "Basic"
    case .oauthPassword: "OAuth password"
    case .oauthRefreshToken: "OAuth refresh token"
    case .oauthClientCredentials: "OAuth client credentials"
    case .oauthAuthorizationCode: "OAuth browser sign-in"
    }
  }
}
