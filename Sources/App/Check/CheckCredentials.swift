import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// Who a check signs in as: the auth kind, the names and the secrets, however they were found.
///
/// Built from a saved profile (secrets resolved by the profile store, the environment winning)
/// or from `--instance` and the environment / stdin. Secrets stay `Secret`s so they print masked.
struct CheckCredentials: Sendable {
  var kind: AuthKind
  var username: String?
  var clientID: String?
  var scope: String?
  /// The secrets, in the one shape a profile's secrets have. A saved access token is the
  /// authorization-code flow's fallback when no refresh token is saved; the key passphrase
  /// travels inside `clientCertificate`.
  var secrets = StoredCredentials()
  /// The JWT bearer grant's key file and Key ID (the subject is `username`).
  var jwtKeyFile: String?
  var jwtKeyID: String?
  /// The client certificate of a `certificate` connection, its key's passphrase included.
  var clientCertificate: ClientCertificate?
  /// What the look at the certificate files found: their facts, or why they cannot be used
  /// (the tls layer reports it instead of sending anything).
  var certificateCheck: Result<ClientCertificateReport, ServiceNowFailure>?
  /// Why the secrets could not be had (a secret command failed, a secret must be asked for);
  /// the auth layer reports it instead of sending anything.
  var problem: String?
  /// A refusal with its own verdict (the profile is signed out): the auth layer reports it as
  /// `snowgate token` does, with the same code, instead of sending anything.
  var refusal: ServiceNowFailure?

  /// Who a profile signs in as, before its secrets are found.
  init(profile: Profile) {
    kind = profile.authType
    username = profile.username
    clientID = profile.clientID
    scope = profile.scope
    jwtKeyFile = profile.jwtKeyFile
    jwtKeyID = profile.jwtKeyID
  }

  init(kind: AuthKind, username: String?, clientID: String?, scope: String?) {
    self.kind = kind
    self.username = username
    self.clientID = clientID
    self.scope = scope
  }

  /// The certificate to present: only one whose files passed `inspectCertificate` (one that
  /// failed is never sent; the tls layer reports why).
  var usableCertificate: ClientCertificate? {
    guard case .success = certificateCheck else { return nil }
    return clientCertificate
  }

  /// For a `certificate` connection, checks its files with `ClientCertificateCheck` and keeps the
  /// outcome for the tls layer; returns the warnings worth a note (a key others may read).
  mutating func inspectCertificate(environment: [String: String]) async -> [String] {
    guard kind == .certificate, problem == nil else { return [] }
    guard let clientCertificate else {
      problem =
        "The connection names no client certificate and key: set it up again with snowgate setup NAME "
        + "--no-input --auth certificate --cert FILE --key FILE."
      return []
    }
    let inspected = await ClientCertificateCheck.inspect(clientCertificate, environment: environment)
    certificateCheck = inspected
    if case .success(let report) = inspected { return report.warnings }
    return []
  }

  /// The auth kinds `--auth` accepts.
  static let commandKinds: [AuthKind] = [
    .basic, .oauthPassword, .oauthRefreshToken, .oauthClientCredentials, .apiKey, .certificate,
  ]

  /// Whether the kind signs in with OAuth tokens.
  var isOAuth: Bool { kind.isOAuth }

  /// The first secret the kind needs that is missing, as the environment variable that supplies it.
  var missingSecret: (name: String, variable: String)? {
    switch kind {
    case .basic, .oauthPassword:
      if secrets.password?.isEmpty ?? true { return ("password", "SNOWGATE_PASSWORD") }
    case .oauthRefreshToken:
      if secrets.refreshToken?.isEmpty ?? true { return ("refresh token", "SNOWGATE_REFRESH_TOKEN") }
    case .oauthClientCredentials:
      if secrets.clientSecret?.isEmpty ?? true { return ("client secret", "SNOWGATE_CLIENT_SECRET") }
    case .apiKey:
      if secrets.apiKey?.isEmpty ?? true { return ("API key", "SNOWGATE_API_KEY") }
    case .oauthAuthorizationCode, .jwtBearer, .certificate:
      break
    }
    return nil
  }
}
