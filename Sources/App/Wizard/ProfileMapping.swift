import Platform
import Profiles
import ServiceNowClient
import Vocabulary
import WizardCore

/// Translates between the wizard's drafts and the profile store's records.
///
/// WizardCore and Profiles know nothing of each other; the mapping lives here, in one place.
enum ProfileMapping {
  static func stored(_ text: Secret?) -> Secret? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }

  /// The profile and the secrets to store for a draft the wizard asks to save; `environment`
  /// expands a key file's `~/` (`KeyFilePath`).
  static func profile(for draft: ProfileDraft, environment: [String: String] = [:]) -> (
    Profile, StoredCredentials
  ) {
    let connection = draft.connection
    var profile = Profile(
      name: draft.name, instanceURL: connection.instanceURL, apiVersion: connection.apiVersion,
      authType: connection.auth.kind, secretStore: draft.secretStore)
    var credentials = StoredCredentials()
    if let client = connection.auth.client {
      profile.clientID = client.clientID
      profile.scope = client.scope.isEmpty ? nil : client.scope
      credentials.clientSecret = stored(client.clientSecret)
    }
    if let tokens = connection.auth.tokens {
      credentials.accessToken = stored(tokens.accessToken)
      credentials.accessTokenExpiresAt = tokens.expiresAt
      credentials.refreshToken = stored(tokens.refreshToken)
      // Known when snowgate created the client (its record's refresh lifespan).
      if credentials.refreshToken != nil { credentials.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt }
    }
    switch connection.auth {
    case .basic(let username, let password):
      profile.username = username
      credentials.password = stored(password)
    case .oauthPassword(_, let username, let password, _):
      profile.username = username
      credentials.password = stored(password)
    case .oauthAuthorizationCode(_, let redirectURI, _):
      profile.redirectURI = redirectURI
    case .oauthRefreshToken(_, let refreshToken, let tokens):
      credentials.refreshToken = stored(tokens.refreshToken ?? refreshToken)
    case .oauthClientCredentials:
      break
    case .jwtBearer(_, let subject, let keyFile, let keyID, _):
      profile.username = subject
      profile.jwtKeyFile = KeyFilePath.absolute(keyFile, environment: environment)
      profile.jwtKeyID = keyID
    case .apiKey(let key):
      credentials.apiKey = stored(key)
    case .certificate(let certificate):
      profile.clientCertificateFile = KeyFilePath.absolute(
        certificate.certificateFile, environment: environment)
      profile.clientKeyFile = KeyFilePath.absolute(certificate.keyFile, environment: environment)
      credentials.keyPassphrase = stored(certificate.passphrase)
    }
    return (profile, credentials)
  }

  /// The tokens as the wizard's token screen takes them: an empty scope rather than none, and
  /// 30 minutes when the instance did not say how long the access token lives.
  static func summary(_ tokens: TokenSet) -> TokenSet {
    TokenSet(
      tokenType: tokens.tokenType, scope: tokens.scope ?? "",
      expiresAt: tokens.expiresAt ?? tokens.obtainedAt.addingTimeInterval(1800),
      obtainedAt: tokens.obtainedAt, accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken)
  }
}
