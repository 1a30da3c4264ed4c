import Diagnosis
import Platform
import ServiceNowClient
import Vocabulary
import WizardCore

/// The wizard's connection test: the same layered checks as `snowgate check`, reported live.
///
/// The draft becomes the credentials a check signs in with (Basic, or the OAuth tokens the token
/// screen obtained, so nothing is requested again); each check's start and end goes to
/// `progress` as a `CheckLineUpdate`, and the report's diagnosis becomes the test's outcome.
enum LiveCheck {
  static func run(
    _ draft: ConnectionDraft, environment: AppEnvironment,
    progress: @escaping @Sendable (CheckLineUpdate) -> Void
  ) async -> TestOutcome {
    let service = ConnectionService(environment: environment)
    let check = service.plan(draft: draft)
    let username: String? =
      switch draft.auth {
      case .basic(let name, _), .oauthPassword(_, let name, _, _): name
      default: nil
      }
    let report = await run(check, service: service, progress: progress)
    // OAuth: the user the token acts as, which only the instance knows (as Basic says its user).
    let who = await (check.target.http as? ClientLayerProbe)?.whoSignedIn()
    return outcome(report, username: who ?? username)
  }

  /// The checks of a saved profile, planned as `snowgate check NAME` plans them (its secrets,
  /// environment overrides and stored tokens), reported line by line.
  static func run(
    profile name: String, environment: AppEnvironment,
    progress: @escaping @Sendable (CheckLineUpdate) -> Void
  ) async -> TestOutcome {
    let service = ConnectionService(environment: environment)
    let check: PreparedCheck
    do {
      check = try await service.plan(profile: name)
    } catch {
      return .failed(
        Verdict(code: "config.invalid", summary: error.message, remedies: error.hint.map { [$0] } ?? []))
    }
    return outcome(await run(check, service: service, progress: progress), username: nil)
  }

  /// Runs one prepared check with every line pending first, then live.
  private static func run(
    _ check: PreparedCheck, service: ConnectionService,
    progress: @escaping @Sendable (CheckLineUpdate) -> Void
  ) async -> Report {
    for id in CheckID.allCases {
      progress(CheckLineUpdate(id: id.rawValue, title: id.title, status: .pending))
    }
    return await service.test(check, options: service.options()) { event in
      progress(update(for: event))
    }
  }

  /// The check's sign-in, and the tokens to use as they are (OAuth only).
  static func credentials(for draft: ConnectionDraft, environment: [String: String] = [:]) -> (
    CheckCredentials, TokenSet?
  ) {
    switch draft.auth {
    case .basic(let name, let password):
      var credentials = CheckCredentials(kind: .basic, username: name, clientID: nil, scope: nil)
      credentials.secrets.password = password
      return (credentials, nil)
    case .oauthPassword(let client, let name, _, let tokens):
      return oauth(.oauthPassword, client: client, username: name, tokens: tokens)
    case .oauthAuthorizationCode(let client, _, let tokens):
      return oauth(.oauthAuthorizationCode, client: client, username: nil, tokens: tokens)
    case .oauthRefreshToken(let client, let refreshToken, let tokens):
      var (credentials, issued) = oauth(.oauthRefreshToken, client: client, username: nil, tokens: tokens)
      credentials.secrets.refreshToken = refreshToken
      return (credentials, issued)
    case .oauthClientCredentials(let client, let tokens):
      return oauth(.oauthClientCredentials, client: client, username: nil, tokens: tokens)
    case .jwtBearer(let client, let subject, let keyFile, let keyID, let tokens):
      var (credentials, issued) = oauth(.jwtBearer, client: client, username: subject, tokens: tokens)
      // Only when the token expires during the test: a new assertion from the same key.
      credentials.secrets.clientSecret = client.clientSecret
      credentials.jwtKeyFile = KeyFilePath.absolute(keyFile, environment: environment)
      credentials.jwtKeyID = keyID
      return (credentials, issued)
    case .apiKey(let key):
      var credentials = CheckCredentials(kind: .apiKey, username: nil, clientID: nil, scope: nil)
      credentials.secrets.apiKey = key
      return (credentials, nil)
    case .certificate(let certificate):
      var credentials = CheckCredentials(kind: .certificate, username: nil, clientID: nil, scope: nil)
      credentials.clientCertificate = ClientCertificate(
        certificateFile: KeyFilePath.absolute(certificate.certificateFile, environment: environment),
        keyFile: KeyFilePath.absolute(certificate.keyFile, environment: environment),
        passphrase: certificate.passphrase)
      return (credentials, nil)
    }
  }

  private static func oauth(
    _ kind: AuthKind, client: OAuthClient, username: String?, tokens: TokenSet
  ) -> (CheckCredentials, TokenSet?) {
    let scope = (tokens.scope ?? "").isEmpty ? nil : tokens.scope
    let credentials = CheckCredentials(
      kind: kind, username: username, clientID: client.clientID, scope: scope)
    // Seen from now: the check says how long the token has left, not how long it lived.
    let now = Date()
    var issued = tokens
    issued.scope = scope
    issued.obtainedAt = now
    issued.expiresAt = tokens.expiresAt.map { max($0, now) }
    return (credentials, issued)
  }

  /// A runner event as a line of the test screen.
  static func update(for event: CheckProgress) -> CheckLineUpdate {
    switch event {
    case .started(let id):
      return CheckLineUpdate(id: id.rawValue, title: id.title, status: .running)
    case .finished(let result):
      let status: CheckLineModel.Status
      switch result.status {
      case .pass: status = .pass
      case .warn: status = .warn
      case .fail: status = .fail
      case .skip: status = .skip
      }
      return CheckLineUpdate(
        id: result.id.rawValue, title: result.title, status: status, detail: result.detail,
        remedy: result.remedy.map(Outcomes.remedy), elapsedMilliseconds: result.elapsedMilliseconds,
        code: result.code)
    }
  }

  /// The report as the test's outcome: passed (with the warnings' remedies) or the diagnosis.
  static func outcome(_ report: Report, username: String?) -> TestOutcome {
    let diagnosis = report.diagnosis
    guard report.ok else {
      return .failed(diagnosis)
    }
    var details: [String] = []
    if let username, !username.isEmpty { details.append("Signed in as \(username).") }
    details.append(diagnosis.summary)
    return .passed(TestReport(details: details, warnings: diagnosis.remedies))
  }
}
