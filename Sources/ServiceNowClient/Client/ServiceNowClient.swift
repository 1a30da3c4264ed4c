import Platform
import TextSafety
import Vocabulary

/// The calls snowgate makes to one instance: the probe, the Table API test, the OAuth token calls.
///
/// A value holding its transport, so tests give it a scripted one. Every call goes through the
/// request log and ends in a value (a result or a classified failure), never a thrown URLError.
public struct ServiceNowClient: Sendable {
  /// The instance root (scheme, host, port); any path given is dropped.
  public let instance: URL
  /// `v1`, `v2`, … for a fixed Table API version, nil for the latest.
  public let apiVersion: String?
  public let transport: any Transport
  public let log: RequestLog
  /// How long one exchange may take, from sending to the last byte of the answer.
  public let deadline: Duration
  public let classifier: NetworkFailureClassifier
  /// The CA bundle and client certificate every request uses (its proxy is decided per request).
  public let tls: TransportOptions
  /// The per-phase timings of every request this client (and its copies) sent.
  public private(set) var timings: TimingLog
  private let now: @Sendable () -> Date
  let userAgent: String

  /// A client for `instance`; a `/api/now/vN` path in it fixes the API version unless `apiVersion` is given.
  public init(
    instance: URL, apiVersion: String? = nil, transport: any Transport = CurlTransport.shared,
    log: RequestLog = RequestLog(), deadline: Duration = .seconds(10),
    proxy: ProxyEnvironment = ProxyEnvironment(), tls: TransportOptions = TransportOptions(),
    userAgent: String = "snowgate", now: @escaping @Sendable () -> Date = { Date() }
  ) {
    // The one address parser: the root and the API version of whatever form the address came in
    // (every caller passes an address InstanceURL accepted; any other is used as given).
    let normalised = try? InstanceURL.normalise(instance.absoluteString).get()
    self.instance = normalised?.url ?? instance
    self.apiVersion = apiVersion ?? normalised?.apiVersion
    self.transport = transport
    self.log = log
    self.deadline = deadline
    self.classifier = NetworkFailureClassifier(proxy: proxy)
    self.tls = tls
    // The key's passphrase is masked wherever it could appear (libcurl never quotes it, but a log must not depend on that).
    if let passphrase = tls.clientKeyPassphrase { log.remember(passphrase) }
    self.timings = TimingLog()
    self.userAgent = userAgent
    self.now = now
  }

  /// A copy whose requests' timings go to a log of their own, for requests sent beside a
  /// layer's (the login pages read beside the probe), so they never pass for that layer's.
  public func keepingTimingsApart() -> ServiceNowClient {
    var copy = self
    copy.timings = TimingLog()
    return copy
  }

  // MARK: Probe

  /// Asks, without credentials, whether a ServiceNow instance answers at the address.
  ///
  /// First an unauthenticated Table API read: a real instance answers 401 with
  /// `WWW-Authenticate: BASIC realm="Service-now"` and its JSON error body, which no other
  /// server imitates by accident. When that is inconclusive, the root page is read for the
  /// instance's other markers (`Server: snow_adc`, glide cookies). The hibernation page is
  /// recognised on either answer, whatever its status.
  public func probe() async -> ProbeResult {
    await SecretScrubber.$current.withValue(log.scrubber) { await probeScrubbed() }
  }

  private func probeScrubbed() async -> ProbeResult {
    let apiURL = InstanceEndpoints.url(
      instance, path: InstanceEndpoints.tablePath("sys_user", apiVersion: apiVersion),
      query: [("sysparm_limit", "1")])
    let first: HTTPResponse
    switch await exchange(makeRequest(apiURL, accept: "application/json")) {
    case .failure(let failure):
      return .unreachable(failure)
    case .success(let response):
      first = response
    }
    let firstVerdict = Self.probeVerdict(first, url: apiURL, apiAnswer: true)
    if let firstVerdict, !ResponseClassifier.isEdgeWithoutNode(first) {
      return firstVerdict
    }
    let rootURL = InstanceEndpoints.url(instance, path: "/")
    switch await exchange(makeRequest(rootURL, accept: "text/html,application/json")) {
    case .failure:
      return firstVerdict ?? .notServiceNow(reason: Self.notServiceNowReason(first))
    case .success(let second):
      // 502 from the edge on both paths: no application node (one alone may be a passing fault).
      if ResponseClassifier.isEdgeWithoutNode(first), ResponseClassifier.isEdgeWithoutNode(second) {
        return .unreachable(
          ServiceNowFailure(
            .instanceNoNode,
            detail:
              "HTTP 502 on \(apiURL.path) and on / from the edge (\(ResponseClassifier.describe(second))), "
              + "with no application node's headers."))
      }
      if let firstVerdict { return firstVerdict }
      return Self.probeVerdict(second, url: rootURL, apiAnswer: false)
        ?? .notServiceNow(reason: Self.notServiceNowReason(first, second))
    }
  }

  static func probeVerdict(_ response: HTTPResponse, url: URL, apiAnswer: Bool) -> ProbeResult? {
    if ResponseClassifier.isHibernationPage(response) {
      return .hibernating
    }
    var markers = ResponseClassifier.instanceMarkers(response, apiAnswer: apiAnswer)
    if (500..<600).contains(response.status) {
      return .unreachable(
        ServiceNowFailure(
          .instanceUnavailable, detail: "HTTP \(response.status) (\(ResponseClassifier.describe(response))).")
      )
    }
    guard !markers.isEmpty else { return nil }
    if PlainString.contains("jsessionid", in: response.header("Set-Cookie")?.lowercased() ?? "") {
      markers.append("cookie JSESSIONID")
    }
    if (300..<400).contains(response.status), let location = response.header("Location") {
      markers.append("redirects to \(ResponseClassifier.clean(location, limit: 200))")
    }
    return .servicenow(
      ProbeEvidence(
        url: url.absoluteString, status: response.status, markers: markers, elapsed: response.elapsed))
  }

  /// Why the answers are not an instance's, naming a redirect's Location when one came.
  static func notServiceNowReason(_ responses: HTTPResponse...) -> String {
    for response in responses where (300..<400).contains(response.status) {
      if let location = response.header("Location") {
        return
          "The server redirects to \(ResponseClassifier.clean(location, limit: 200)) (HTTP \(response.status)) "
          + "without any of an instance's markers; if that is the instance, use that address."
      }
    }
    let response = responses[0]
    return "The server answered HTTP \(response.status) (\(ResponseClassifier.describe(response))) "
      + "without any of an instance's markers (the Service-now login realm, Server: snow_adc, glide cookies)."
  }

  // MARK: Table API

  /// Reads up to `limit` records of `table`, asking only for `fields`.
  public func readTable(
    _ table: String, fields: [String], limit: Int = 1, auth: Credentials, encodedQuery: String? = nil
  ) async -> Result<TableRead, ServiceNowFailure> {
    remember(auth)
    return await SecretScrubber.$current.withValue(log.scrubber) {
      await readTableScrubbed(table, fields: fields, limit: limit, auth: auth, encodedQuery: encodedQuery)
    }
  }

  /// Registers the secrets of `auth` with the log, the Basic pair included.
  private func remember(_ auth: Credentials) {
    switch auth {
    case .basic(let username, let password):
      log.rememberPair(username: username, password: password)
    case .bearer(let token), .apiKey(let token):
      log.remember(token)
    case .clientCertificate:
      break
    }
  }

  private func readTableScrubbed(
    _ table: String, fields: [String], limit: Int, auth: Credentials, encodedQuery: String?
  ) async
    -> Result<TableRead, ServiceNowFailure>
  {
    var query: [(name: String, value: String)] = [("sysparm_limit", String(limit))]
    if let encodedQuery { query.append(("sysparm_query", encodedQuery)) }
    if !fields.isEmpty {
      query.append(("sysparm_fields", fields.joined(separator: ",")))
    }
    let url = InstanceEndpoints.url(
      instance, path: InstanceEndpoints.tablePath(table, apiVersion: apiVersion), query: query)
    var request = makeRequest(url, accept: "application/json")
    auth.apply(to: &request)
    switch await exchange(request, judge: { ResponseClassifier.tableFailure($0, auth: auth.kind) }) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let response):
      if let failure = ResponseClassifier.tableFailure(response, auth: auth.kind) {
        return .failure(failure)
      }
      return .success(Self.tableRead(table, response))
    }
  }

  /// The connection test: the least-privilege read of sys_user, then sys_db_object (warning only).
  public func testTableAccess(auth: Credentials) async -> Result<TableAccessReport, ServiceNowFailure> {
    let users: TableRead
    switch await readTable("sys_user", fields: ["sys_id", "user_name"], limit: 1, auth: auth) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let read):
      users = read
    }
    switch await readTable("sys_db_object", fields: ["sys_id", "name"], limit: 1, auth: auth) {
    case .failure(let failure):
      return .success(TableAccessReport(users: users, metadata: nil, metadataWarning: failure))
    case .success(let metadata):
      return .success(TableAccessReport(users: users, metadata: metadata, metadataWarning: nil))
    }
  }

  private static func tableRead(_ table: String, _ response: HTTPResponse) -> TableRead {
    let rows = resultRows(BoundedJSON.object(response.body))
    let records = rows.map { row in row.compactMapValues(\.string) }
    return TableRead(
      table: table, records: records, totalCount: response.header("X-Total-Count").flatMap { Int($0) },
      elapsed: response.elapsed)
  }

  // MARK: OAuth

  /// Sends one grant to `/oauth_token.do` and returns the tokens or the classified refusal.
  public func requestToken(_ tokenRequest: TokenRequest) async -> Result<TokenSet, ServiceNowFailure> {
    for (name, value) in tokenRequest.formFields() where LogRedaction.isSensitive(name) {
      log.remember(Secret(value))
    }
    if case .password(let username, let password) = tokenRequest.grant {
      log.rememberPair(username: username, password: password)
    }
    if let secret = tokenRequest.clientSecret {
      log.rememberPair(username: tokenRequest.clientID, password: secret)
    }
    return await SecretScrubber.$current.withValue(log.scrubber) { await requestTokenScrubbed(tokenRequest) }
  }

  private func requestTokenScrubbed(_ tokenRequest: TokenRequest) async -> Result<TokenSet, ServiceNowFailure>
  {
    var request = tokenRequest.urlRequest(instance: instance)
    request.setHeader("User-Agent", userAgent)
    let judge = { (response: HTTPResponse) -> ServiceNowFailure? in
      if case .failure(let failure) = ResponseClassifier.tokenResult(
        response, request: tokenRequest, now: Date())
      {
        return failure
      }
      return nil
    }
    switch await exchange(request, judge: judge) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let response):
      let result = ResponseClassifier.tokenResult(response, request: tokenRequest, now: now())
      if case .success(let tokens) = result {
        log.remember(tokens.accessToken)
        tokens.refreshToken.map(log.remember)
      }
      return result
    }
  }

  /// The browser URL of the authorization code flow for this instance.
  public func authorizeURL(_ authorization: AuthorizationRequest) -> URL {
    authorization.url(instance: instance)
  }

  /// Revokes a token with `GET /oauth_revoke_token.do?token=…` (no authentication needed).
  ///
  /// The query string is the only documented form and no source shows that a POST body is read
  /// (SERVICENOW.md, corrections), so the token goes there; the request log masks it.
  public func revoke(_ token: Secret) async -> Result<Void, ServiceNowFailure> {
    log.remember(token)
    let request = makeRequest(TokenRevocation.url(instance: instance, token: token), accept: "*/*")
    switch await exchange(request) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let response):
      switch response.status {
      case 200..<300:
        return .success(())
      case 500..<600:
        return .failure(ServiceNowFailure(.instanceUnavailable, detail: "HTTP \(response.status)."))
      default:
        return .failure(
          ServiceNowFailure(
            .oauthBadResponse, detail: "Revocation answered HTTP \(response.status)."))
      }
    }
  }

  // MARK: Exchange

  /// A refused client certificate, told apart by whether this client sent one: with none, the
  /// first remedy is to sign in with one; with one, which file it was and what the instance needs.
  static func refusal(_ failure: ServiceNowFailure, sent certificate: String?) -> ServiceNowFailure {
    var failure = failure
    guard let certificate else {
      failure.detail = (failure.detail ?? "") + " snowgate sent no client certificate."
      return failure
    }
    failure.detail =
      (failure.detail ?? "") + " snowgate sent the certificate \(certificate); the server did not trust it."
    failure.remedies = Array(failure.remedies.dropFirst())
    return failure
  }

  private func makeRequest(_ url: URL, accept: String) -> TransportRequest {
    TransportRequest(method: "GET", url: url, headers: ["Accept": accept, "User-Agent": userAgent])
  }

  /// Sends one request, logs it redacted with the verdict of `judge`, and turns a thrown error
  /// into a classified failure.
  func exchange(_ request: TransportRequest, judge: (HTTPResponse) -> ServiceNowFailure? = { _ in nil }) async
    -> Result<HTTPResponse, ServiceNowFailure>
  {
    var request = request
    var options = tls
    options.proxy = classifier.proxy.proxy(for: request.url)
    request.options = options
    let startedAt = now()
    let clock = ContinuousClock()
    let start = clock.now
    do {
      var response = try await transport.send(request, deadline: deadline)
      response.timings.map(timings.record)
      if response.elapsed == .zero {
        response.elapsed = clock.now - start
      }
      log.record(
        request, response: response, failure: judge(response), elapsed: response.elapsed, startedAt: startedAt
      )
      return .success(response)
    } catch {
      var failure = classifier.classify(error, url: request.url)
      if failure.code == FailureCode.tlsClientCertificateRefused.rawValue {
        failure = Self.refusal(failure, sent: tls.clientCertificate)
      }
      ((error as? CurlFailure)?.timings ?? (error as? DeadlineExceeded)?.timings).map(timings.record)
      // libcurl's sentence can quote the server (a certificate's names): shown, never obeyed.
      failure.detail = failure.detail.map { UntrustedText.visible($0) }
      log.record(request, response: nil, failure: failure, elapsed: clock.now - start, startedAt: startedAt)
      return .failure(failure)
    }
  }
}
