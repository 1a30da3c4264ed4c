import Diagnosis
import Platform
import ServiceNowClient
import TextSafety
import Vocabulary

/// The HTTP layers of `snowgate check`, done with the real ServiceNow client.
///
/// An actor because the layers share what earlier ones learned: `tls` and `instance` read one
/// unauthenticated probe (started once, awaited by both), Basic `auth` and `api` share one
/// read of sys_user, and the OAuth layers share the token `auth` obtained. Every outcome's text
/// is snowgate's own; the instance's words in it were scrubbed of the secrets in play where
/// the client extracted them, in case an instance echoes one in an error message.
actor ClientLayerProbe: HTTPLayerProbe {
  let client: ServiceNowClient
  /// Who the check signs in as; a certificate's file check is kept here once the tls layer made it.
  private(set) var credentials: CheckCredentials
  /// Called with tokens the instance issued, so a saved profile keeps the newest ones.
  let onTokens: @Sendable (TokenSet) -> Void
  /// The saved profile's token lock, when the check runs for one whose tokens it may keep.
  let tokenLock: ProfileTokenLock?

  private var probeTask: Task<ProbeResult, Never>?
  /// The look at the login pages for a single sign-on redirect, started with the probe.
  private var singleSignOnTask: Task<IdentityProviderRedirect?, Never>?
  /// The timings of the probe's first request (the unauthenticated Table API read).
  private var probeTimings: PhaseTimings?
  /// The timings of the shared sys_user read.
  private var basicReadTimings: PhaseTimings?
  private var basicRead: Result<TableRead, ServiceNowFailure>?
  private var tokens: TokenSet?
  /// Tokens obtained before the check (the wizard's token step): `auth` uses them instead of
  /// asking the instance for new ones, and the `api` layer proves they work.
  private let issuedTokens: TokenSet?
  /// The user the OAuth token acts as, once the api layer asked the instance.
  private var signedInAs: String?

  init(
    client: ServiceNowClient, credentials: CheckCredentials, issuedTokens: TokenSet? = nil,
    tokenLock: ProfileTokenLock? = nil, onTokens: @escaping @Sendable (TokenSet) -> Void = { _ in }
  ) {
    self.tokenLock = tokenLock
    self.client = client
    self.credentials = credentials
    self.issuedTokens = issuedTokens
    self.onTokens = onTokens
  }

  // MARK: the layers, each with the timings of the request it made

  func tls(_ context: HTTPLayerContext) async -> LayerOutcome {
    var outcome = await tlsVerdict(context)
    if context.baseURL.scheme == "https" { outcome.timings = probeTimings.map(CheckTimings.init) }
    return outcome
  }

  func instance(_ context: HTTPLayerContext) async -> LayerOutcome {
    var outcome = await instanceVerdict(context)
    outcome.timings = probeTimings.map(CheckTimings.init)
    return outcome
  }

  func auth(_ context: HTTPLayerContext) async -> LayerOutcome {
    timed(await authVerdict(context))
  }

  func api(_ context: HTTPLayerContext) async -> LayerOutcome {
    timed(await apiVerdict(context))
  }

  func apiMeta(_ context: HTTPLayerContext) async -> LayerOutcome {
    timed(await apiMetaVerdict(context))
  }

  func token(_ context: HTTPLayerContext) async -> LayerOutcome {
    timed(await tokenVerdict(context))
  }

  /// The outcome with the timings of the last request the layer sent, or of the shared
  /// sys_user read that Basic `auth` and `api` both rest on.
  private func timed(_ outcome: LayerOutcome) -> LayerOutcome {
    var outcome = outcome
    let timings = client.timings.take().last ?? (directCredentials != nil ? basicReadTimings : nil)
    outcome.timings = timings.map(CheckTimings.init)
    if outcome.status == .skip { outcome.timings = nil }
    return outcome
  }

  // MARK: tls, instance

  private func tlsVerdict(_ context: HTTPLayerContext) async -> LayerOutcome {
    // A certificate connection's files are the first thing its handshake needs; a path that
    // checked nothing yet (the wizard's test) checks them now, before the probe sends anything.
    if credentials.kind == .certificate, credentials.certificateCheck == nil {
      var checked = credentials
      _ = await checked.inspectCertificate(environment: ProcessInfo.processInfo.environment)
      credentials = checked
    }
    if case .failure(let failure) = credentials.certificateCheck {
      return outcome(failure)
    }
    guard context.baseURL.scheme == "https" else {
      let unsent = credentials.kind == .certificate ? "; the client certificate is not sent over http" : ""
      return .skip("plain http (allowed for this machine only): no TLS to check\(unsent)")
    }
    if case .unreachable(let failure) = await probe() {
      if Self.failsBeforeAnswer(failure) { return outcome(failure) }
      if failure.code == FailureCode.httpTimeout.rawValue {
        // The deadline cut the request short; whether the handshake had finished is unknown.
        return .pass("no TLS error before the request ran out of time")
      }
    }
    let trust = client.tls.caBundle.map { " by the CA bundle \($0)" } ?? ""
    var presented = ""
    if case .success(let report) = credentials.certificateCheck {
      // Sent only when the server asks; the auth line says whether the instance took it.
      presented = "; the client certificate \(report.certificate.subject) is offered to the server"
    }
    return .pass(
      "handshake done; the certificate is trusted for \(context.baseURL.host ?? "the host")\(trust)\(presented)"
    )
  }

  private func instanceVerdict(_ context: HTTPLayerContext) async -> LayerOutcome {
    switch await probe() {
    case .servicenow(let evidence):
      // Two markers say enough; a redirect is always shown, with where it goes.
      let shown =
        Array(evidence.markers.prefix(2))
        + evidence.markers.dropFirst(2).filter { $0.hasPrefix("redirects to") }
      let markers = shown.joined(separator: ", ")
      var detail = "ServiceNow answered (HTTP \(evidence.status): \(markers))"
      if let task = singleSignOnTask, let provider = await BoundedWait.value(of: task, within: .seconds(1)) {
        // Where people sign in decides which sign-in can work: worth a line of its own.
        detail +=
          "; single sign-on: the login pages send people to \(provider); Basic and the password grant "
          + "work only for a local integration user"
      }
      return .pass(detail)
    case .hibernating:
      return outcome(ServiceNowFailure(.instanceHibernating))
    case .notServiceNow(let reason):
      return outcome(ServiceNowFailure(.instanceNotServiceNow, detail: reason))
    case .unreachable(let failure):
      return outcome(failure)
    }
  }

  /// The probe, started by whichever layer asks first and shared by both.
  private func probe() async -> ProbeResult {
    if let probeTask { return await probeTask.value }
    let client = self.client
    let task = CommandLoop.task { await client.probe() }
    probeTask = task
    // The login pages are read beside the probe, so the hint adds no time of its own; their
    // timings are kept apart, so the instance and auth lines show their own requests'.
    let pages = client.keepingTimingsApart()
    singleSignOnTask = CommandLoop.task { await pages.detectSingleSignOn() }
    let result = await task.value
    probeTimings = client.timings.take().first
    return result
  }

  /// Failures that mean no HTTP answer came at all (connection, proxy, TLS), which the `tls`
  /// layer owns; the rest (a timeout mid-answer, a 5xx) belong to `instance`.
  static func failsBeforeAnswer(_ failure: ServiceNowFailure) -> Bool {
    let prefix = failure.code.split(separator: ".").first.map(String.init) ?? ""
    return ["tls", "tcp", "dns", "proxy", "url", "client"].contains(prefix)
  }

  // MARK: auth

  private func authVerdict(_ context: HTTPLayerContext) async -> LayerOutcome {
    if let refusal = credentials.refusal {
      return .fail(
        code: refusal.code, detail: refusal.summary, summary: refusal.summary, remedies: refusal.remedies)
    }
    if let problem = credentials.problem {
      return .fail(
        code: "config.secret_unavailable", detail: shown(problem),
        summary: "snowgate could not get this connection's secrets.", remedies: [shown(problem)])
    }
    if let issuedTokens {
      tokens = issuedTokens
      return .pass(
        "using the token obtained on the previous screen\(Self.lifetime(issuedTokens))"
      )
    }
    if let missing = credentials.missingSecret {
      return .fail(
        code: "config.secret_missing", detail: "no \(missing.name) to sign in with",
        summary: "There is no \(missing.name) to sign in with.",
        remedies: [
          "Set \(missing.variable) in the environment"
            + (missing.variable == "SNOWGATE_PASSWORD" ? ", or pipe it in with --password-stdin." : ".")
        ])
    }
    if let direct = directCredentials {
      return await directAuth(direct)
    }
    return await oauthAuth()
  }

  /// Basic and API key connections send their secret on every request; no token to get first.
  private var directCredentials: Credentials? {
    switch credentials.kind {
    case .basic:
      .basic(username: credentials.username ?? "", password: credentials.secrets.password ?? Secret(""))
    case .apiKey: .apiKey(credentials.secrets.apiKey ?? Secret(""))
    case .certificate: .clientCertificate
    default: nil
    }
  }

  private func directAuth(_ direct: Credentials) async -> LayerOutcome {
    let how: String
    switch credentials.kind {
    case .apiKey: how = "the API key"
    case .certificate:
      if case .success(let report) = credentials.certificateCheck {
        how = "the client certificate \(report.certificate.subject)"
      } else {
        how = "the client certificate"
      }
    default: how = "Basic auth as user \(credentials.username ?? "")"
    }
    let read = await readUsers(direct)
    switch read {
    case .success:
      return .pass("signed in with \(how)" + (await signedInPhrase(direct)))
    case .failure(let failure):
      // A 403 or 429 still proves the password was accepted; the api layer reports those.
      if failure.code.hasPrefix("api.") {
        return .pass("signed in with \(how) (HTTP answer, not 401)")
      }
      return outcome(failure)
    }
  }

  /// "; signed in as admin (System Administrator)", or nothing when the instance does not say.
  ///
  /// For Basic and API keys, which get no token; the OAuth kinds name their user on the `api`
  /// line (`whoAmI`), after the token is proved.
  private func signedInPhrase(_ auth: Credentials) async -> String {
    guard case .success(let user) = await client.currentUser(auth: auth) else { return "" }
    signedInAs = client.log.scrubber.clean(user.userName)
    return "; signed in as \(client.log.scrubber.clean(user.description))"
  }

  private func readUsers(_ direct: Credentials) async -> Result<TableRead, ServiceNowFailure> {
    if let basicRead { return basicRead }
    let read = await client.readTable("sys_user", fields: ["sys_id", "user_name"], limit: 1, auth: direct)
    basicRead = read
    basicReadTimings = client.timings.take().last
    return read
  }

  private func oauthAuth() async -> LayerOutcome {
    guard let clientID = credentials.clientID, !clientID.isEmpty else {
      return .fail(
        code: "config.client_id_missing", detail: "no OAuth client ID",
        summary: "The connection has no OAuth client ID.",
        remedies: ["Give it with --client-id ID, or set the profile up again with snowgate setup."])
    }
    let grant: OAuthGrant
    let words: String
    if credentials.kind == .jwtBearer {
      switch await JWTGrant.make(
        profileName: "this connection", clientID: clientID, subject: credentials.username,
        keyID: credentials.jwtKeyID, keyFile: credentials.jwtKeyFile,
        environment: ProcessInfo.processInfo.environment)
      {
      case .failure(let failure): return outcome(failure)
      case .success(let made): grant = made
      }
      words =
        "the JWT bearer grant (subject \(credentials.username ?? ""), key \(credentials.jwtKeyID ?? ""))"
    } else {
      switch OAuthGrant.unattended(
        kind: credentials.kind, username: credentials.username, password: credentials.secrets.password,
        refreshToken: credentials.secrets.refreshToken)
      {
      case .success(let unattended):
        grant = unattended
        switch unattended {
        case .password(let username, _): words = "the password grant (user \(username))"
        case .refreshToken: words = "the refresh token"
        default: words = "the \(unattended.grantType.replacing("_", with: " ")) grant"
        }
      case .failure(.missingUsername):
        return .fail(
          code: "config.secret_missing", detail: "no user name to sign in with",
          summary: "There is no user name to sign in with.",
          remedies: ["Give it with --username NAME, or set the profile up again with snowgate setup."])
      case .failure(.missingPassword), .failure(.missingRefreshToken), .failure(.notOAuth),
        .failure(.needsSignedAssertion):
        // `auth` reported a missing secret before asking for a grant; Basic never gets here.
        return .skip("skipped: nothing to sign in with")
      case .failure(.needsBrowser):
        if let refresh = credentials.secrets.refreshToken, !refresh.isEmpty {
          grant = .refreshToken(refresh)
          words = "the saved refresh token"
        } else if let access = credentials.secrets.accessToken,
          let expiry = credentials.secrets.accessTokenExpiresAt, expiry > Date()
        {
          tokens = TokenSet(
            accessToken: access, refreshToken: nil, tokenType: "Bearer", scope: nil,
            expiresIn: Int(expiry.timeIntervalSinceNow), obtainedAt: Date())
          return .pass("using the saved access token (no refresh token saved)")
        } else {
          return outcome(
            ServiceNowFailure(
              .oauthRefreshExpired,
              detail: "No refresh token is saved and the saved access token has expired."))
        }
      }
    }
    let request = TokenRequest(
      clientID: clientID, clientSecret: credentials.secrets.clientSecret, grant: grant,
      scope: credentials.scope)
    switch await requestToken(request) {
    case .success(let issued):
      tokens = issued
      return .pass("token obtained with \(words)\(Self.lifetime(issued))")
    case .failure(let failure):
      return outcome(await narrowed(failure, request: request))
    }
  }

  /// Asks for tokens and hands them to `onTokens`; under the profile's token lock when there is one.
  private func requestToken(_ request: TokenRequest) async -> Result<TokenSet, ServiceNowFailure> {
    if let tokenLock {
      return await tokenLock.renew(request, client: client, save: onTokens)
    }
    let result = await client.requestToken(request)
    if case .success(let issued) = result { onTokens(issued) }
    return result
  }

  /// The catch-all of a password grant narrowed by elimination: when the same user name and
  /// password sign in with Basic, the user is not the cause, and the remedies say so.
  private func narrowed(_ failure: ServiceNowFailure, request: TokenRequest) async -> ServiceNowFailure {
    guard failure.code == FailureCode.oauthAccessDenied.rawValue,
      case .password(let username, let password) = request.grant
    else { return failure }
    let basic = await client.readTable(
      "sys_user", fields: ["sys_id"], limit: 1, auth: .basic(username: username, password: password))
    let works: Bool
    switch basic {
    case .success: works = true
    case .failure(let refusal): works = refusal.code.hasPrefix("api.")
    }
    guard works else { return failure }
    return FailureCatalog.accessDenied(
      grantType: "password", strayFields: ResponseClassifier.strayFields(request), passwordWorks: true,
      detail: failure.detail)
  }

  // MARK: api, api_meta

  private func apiVerdict(_ context: HTTPLayerContext) async -> LayerOutcome {
    let read: Result<TableRead, ServiceNowFailure>
    // Basic and API keys read sys_user once, in the auth check; this line must not claim that read's time.
    let reused = directCredentials != nil && basicRead != nil
    if let direct = directCredentials {
      read = await readUsers(direct)
    } else if let tokens {
      read = await client.readTable(
        "sys_user", fields: ["sys_id", "user_name"], limit: 1, auth: .bearer(tokens.accessToken))
    } else {
      return .skip("skipped: no token")
    }
    switch read {
    case .success(let users):
      if let warning = ResponseClassifier.readWarning(users, requested: ["sys_id", "user_name"]) {
        let shown = outcome(warning)
        return .warn(
          "sys_user read passed (\(Self.records(users))) but: \(shown.detail)", code: warning.code,
          summary: shown.summary, remedies: shown.remedies)
      }
      if reused {
        let count = users.records.count
        return .pass("sys_user readable (\(count) record\(count == 1 ? "" : "s"), read by the Auth check)")
      }
      if let tokens, let name = await whoAmI(tokens) {
        signedInAs = name
        return .pass("sys_user readable (\(Self.records(users))), signed in as \(name)")
      }
      return .pass("sys_user readable (\(Self.records(users)))")
    case .failure(let failure):
      return outcome(failure)
    }
  }

  /// The user an OAuth token acts as: a token response never says, so the instance is asked,
  /// through the one current-user read every path uses (`ServiceNowClient.currentUser`).
  private func whoAmI(_ tokens: TokenSet) async -> String? {
    guard credentials.kind != .basic else { return nil }
    guard case .success(let user) = await client.currentUser(auth: .bearer(tokens.accessToken)),
      !user.userName.unicodeScalars.contains(where: PlainString.isControl)
    else { return nil }
    // The instance's words: scrubbed of the secrets in play like every other server text.
    return client.log.scrubber.clean(user.userName)
  }

  /// Who the OAuth layers signed in as, when the instance said.
  func whoSignedIn() -> String? { signedInAs }

  private func apiMetaVerdict(_ context: HTTPLayerContext) async -> LayerOutcome {
    guard let auth = tableCredentials() else { return .skip("skipped: no credentials") }
    switch await client.readTable("sys_db_object", fields: ["sys_id", "name"], limit: 1, auth: auth) {
    case .success(let tables):
      return .pass("sys_db_object readable (\(Self.records(tables)))")
    case .failure(let failure):
      let shown = outcome(failure)
      // The failure's words are the generic Table API ones; say which table this is about.
      let detail = shown.detail.contains("sys_db_object") ? shown.detail : "sys_db_object: " + shown.detail
      let summary = shown.summary.map {
        $0.contains("sys_db_object") ? $0 : "Table metadata (sys_db_object) cannot be read. " + $0
      }
      // The catalogue's remedies speak of the test's sys_user read; this one is of sys_db_object.
      let remedies = shown.remedies.map { $0.replacing("sys_user", with: "sys_db_object") }
      return .warn(
        detail, code: failure.code, summary: summary,
        remedies: remedies.isEmpty
          ? []
          : ["Only integrations that read table metadata need it: " + remedies[0]] + remedies.dropFirst())
    }
  }

  private func tableCredentials() -> Credentials? {
    if let direct = directCredentials { return direct }
    return tokens.map { .bearer($0.accessToken) }
  }

  // MARK: token

  private func tokenVerdict(_ context: HTTPLayerContext) async -> LayerOutcome {
    guard let current = tokens else { return .skip("skipped: no token") }
    var facts: [String] = []
    if let expiresIn = current.expiresIn {
      facts.append("access token valid for \(Self.span(expiresIn))")
    } else {
      facts.append("the instance did not say when the access token expires")
    }
    let refresh =
      current.refreshToken
      ?? (credentials.kind == .oauthRefreshToken ? credentials.secrets.refreshToken : nil)
    if context.forceRefresh {
      guard let refresh, let clientID = credentials.clientID else {
        return .warn(
          (facts + ["no refresh token, so --refresh has nothing to refresh"]).joined(separator: "; "),
          summary: "There is no refresh token to refresh with.",
          remedies: ["Client credentials get a new token each time; other grants need a refresh token."])
      }
      let request = TokenRequest(
        clientID: clientID, clientSecret: credentials.secrets.clientSecret, grant: .refreshToken(refresh),
        scope: credentials.scope)
      switch await requestToken(request) {
      case .success(let issued):
        tokens = issued
        return .pass("refreshed on request\(Self.lifetime(issued))")
      case .failure(let failure):
        return outcome(failure)
      }
    }
    if refresh != nil {
      facts.append("refresh token present")
    } else if credentials.kind == .oauthClientCredentials {
      facts.append("no refresh token (client credentials need none)")
    } else if credentials.kind == .jwtBearer {
      facts.append("no refresh token (a new signed assertion gets each new token)")
    } else {
      return .warn(
        (facts + ["no refresh token"]).joined(separator: "; "),
        summary: "The instance issued no refresh token, so the connection must sign in again "
          + "when the access token expires.",
        remedies: [
          "Check the refresh token lifespan of the OAuth application (System OAuth > Application "
            + "Registry); 0 means none is issued."
        ])
    }
    if let expiresIn = current.expiresIn, expiresIn < 60 {
      return .warn(
        facts.joined(separator: "; "), summary: "The access token lives less than a minute.",
        remedies: ["Raise the access token lifespan of the OAuth application."])
    }
    return .pass(facts.joined(separator: "; "))
  }

  // MARK: wording

  /// A failure as a layer outcome. Its words are snowgate's own and are never rewritten: the
  /// instance's words inside the detail were scrubbed where they were extracted.
  private func outcome(_ failure: ServiceNowFailure) -> LayerOutcome {
    var outcome = LayerOutcome.fail(
      code: failure.code, detail: failure.detail ?? failure.summary, summary: failure.summary,
      remedies: failure.remedies)
    outcome.presentedChain = failure.presentedChain
    return outcome
  }

  /// The store's sentence about a secret it could not get: it never holds a secret or a
  /// command's output (see `ProfileStoreError`), so it is not rewritten; it quotes the
  /// configured command, so control characters are made visible.
  private func shown(_ text: String) -> String {
    UntrustedText.visible(text)
  }

  static func lifetime(_ tokens: TokenSet) -> String {
    tokens.expiresIn.map { ", valid for \(span($0))" } ?? ""
  }

  /// "29 min", "45 s", "2 h".
  static func span(_ seconds: Int) -> String {
    if seconds < 120 { return "\(seconds) s" }
    if seconds < 7200 { return "\(seconds / 60) min" }
    return "\(seconds / 3600) h"
  }

  static func records(_ read: TableRead) -> String {
    let count = read.records.count
    let elapsed = read.elapsed.components
    let milliseconds = Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
    return "\(count) record\(count == 1 ? "" : "s") in \(milliseconds) ms"
  }
}
