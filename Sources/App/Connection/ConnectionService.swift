import Diagnosis
import Platform
import Profiles
import ServiceNowClient
import Vocabulary
import WizardCore

/// One connection, signed in and tested one way on every path.
///
/// The wizard's test and diagnose screens, `check`, `token` and `logout` all come here, so the
/// same connection gets the same verdict, the same sentences and the same token handling
/// wherever it is run: the grant is `OAuthGrant.unattended`'s, tokens come from `TokenService`
/// under the profile's token lock, and the layered test is one planner (`CheckPlanner`), one
/// probe (`ClientLayerProbe`) and one runner (`DiagnosisRunner`).
struct ConnectionService: Sendable {
  var environment: AppEnvironment

  /// Access tokens of saved profiles: stored, refreshed or granted, one renewal at a time.
  var tokens: TokenService { TokenService(environment: environment) }

  /// The checks `check` runs for a request: saved profiles, or an instance on the command line.
  func plan(_ request: CheckRequest, stdinPassword: Secret? = nil) async throws(UsageError) -> [PreparedCheck]
  {
    try await CheckPlanner(environment: environment, request: request, stdinPassword: stdinPassword).plan()
  }

  /// The check of the saved profile `name`, planned exactly as `snowgate check NAME` plans it.
  func plan(profile name: String) async throws(UsageError) -> PreparedCheck {
    let request: CheckRequest
    do {
      request = try CheckRequest.parse([name])
    } catch {
      throw UsageError(error.message, hint: error.hint)
    }
    guard let check = try await plan(request).first else {
      throw UsageError("There is no saved connection named \(name).")
    }
    return check
  }

  /// The check of `profile` signed in with `credentials`: a saved profile (whose tokens
  /// `onTokens` keeps, under `tokenLock`) or one `setup --no-input` is about to save.
  func plan(
    profile: Profile, credentials: CheckCredentials, tokenLock: ProfileTokenLock? = nil, notes: [String] = [],
    onTokens: @escaping @Sendable (TokenSet) -> Void = { _ in }
  ) -> PreparedCheck {
    plan(
      instance: profile.instanceURL.absoluteString, profile: profile.name, apiVersion: profile.apiVersion,
      caBundle: profile.caBundle, credentials: credentials, certificate: credentials.usableCertificate,
      tokenLock: tokenLock, notes: notes, onTokens: onTokens)
  }

  /// The one way a check is put together, for a saved profile, `check --instance` and the
  /// wizard alike: a client for the instance that logs into `log` (a fresh one unless given),
  /// its probe, and the target. An address that cannot be read gets no client: the url check
  /// reports it in the person's own words (`instance` is kept as given). `certificate` is the
  /// client certificate every request presents: one whose files were checked, or the wizard's,
  /// which its tls layer checks before the probe sends anything.
  func plan(
    instance: String, profile: String? = nil, apiVersion: String? = nil, caBundle: String? = nil,
    credentials: CheckCredentials, certificate: ClientCertificate?, issuedTokens: TokenSet? = nil,
    tokenLock: ProfileTokenLock? = nil,
    notes: [String] = [], log: RequestLog = RequestLog(),
    onTokens: @escaping @Sendable (TokenSet) -> Void = { _ in }
  ) -> PreparedCheck {
    var env = environment
    env.log = log
    var probe: ClientLayerProbe?
    if case .success(let address) = InstanceURL.normalise(instance) {
      let client = env.client(
        for: address.url, apiVersion: apiVersion ?? address.apiVersion, profileBundle: caBundle,
        certificate: certificate)
      probe = ClientLayerProbe(
        client: client, credentials: credentials, issuedTokens: issuedTokens, tokenLock: tokenLock,
        onTokens: onTokens)
    }
    let target = DiagnosisTarget(profile: profile, instance: instance, auth: credentials.kind, http: probe)
    return PreparedCheck(target: target, log: log, notes: notes)
  }

  /// The check of a connection the wizard is setting up, with the tokens its token screen got
  /// (so nothing is requested twice) or its Basic password.
  func plan(draft: ConnectionDraft) -> PreparedCheck {
    // The wizard's own log: SNOWGATE_LOG of a wizard run holds its test's requests too.
    let (credentials, issued) = LiveCheck.credentials(for: draft, environment: environment.variables)
    for secret in [credentials.secrets.apiKey, issued?.accessToken, issued?.refreshToken].compactMap({ $0 }) {
      environment.log.remember(secret)
    }
    // With its user, as the client registers a Basic pair (a password that is the user's own
    // name is not masked alone, so "signed in as admin" stays readable).
    if let password = credentials.secrets.password {
      environment.log.rememberPair(username: credentials.username ?? "", password: password)
    }
    return plan(
      instance: draft.instanceURL.absoluteString, apiVersion: draft.apiVersion, credentials: credentials,
      certificate: credentials.clientCertificate, issuedTokens: issued, log: environment.log)
  }

  /// The options every path runs the checks with: the environment's deadline, unless given.
  func options(timeout: Double? = nil, forceRefresh: Bool = false) -> DiagnosisOptions {
    let seconds = timeout ?? max(1, Double(environment.deadline.components.seconds))
    return DiagnosisOptions(
      timeout: seconds, forceRefresh: forceRefresh, environment: environment.variables)
  }

  /// Runs the layered test of each check at once; `progress` hears each check start and end.
  ///
  /// Every report gets `check`'s adjustments (slow layers, remedies naming the profile) here,
  /// so the wizard's screens and `check` word the same verdict the same way.
  func test(
    _ checks: [PreparedCheck], options: DiagnosisOptions,
    progress: @escaping @Sendable (Int, CheckProgress) -> Void = { _, _ in }
  ) async -> [Report] {
    await DiagnosisRunner.runAll(checks.map(\.target), options: options, progress: progress).map(
      ReportAdjustment.apply)
  }

  /// Runs the layered test of one check; `progress` hears each check start and end.
  func test(
    _ check: PreparedCheck, options: DiagnosisOptions,
    progress: @escaping @Sendable (CheckProgress) -> Void = { _ in }
  ) async -> Report {
    ReportAdjustment.apply(await DiagnosisRunner.run(check.target, options: options, progress: progress))
  }
}
