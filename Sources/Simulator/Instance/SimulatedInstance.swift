import Platform

/// The ServiceNow logic of the simulator: turns a request into the answer a real instance would give.
///
/// It knows nothing of sockets, so it can be reasoned about as a function of (state, request).
final class SimulatedInstance: Sendable {
  let state: Locked<InstanceState>
  /// Called with one line per request (method, path, grant type, status; never a value).
  let requestLog: (@Sendable (String) -> Void)?

  init(configuration: SimulatorConfiguration, requestLog: (@Sendable (String) -> Void)? = nil) {
    state = Locked(InstanceState(configuration: configuration))
    self.requestLog = requestLog
  }

  /// The request log's line: `POST /oauth_token.do grant_type=refresh_token 200`.
  ///
  /// Only the grant type is taken from the form, and only from a fixed list, so no secret and
  /// nothing a client chose can reach the log.
  static func logLine(_ request: HTTPRequest, _ response: SimulatedResponse) -> String {
    let known = [
      "password", "refresh_token", "authorization_code", "client_credentials", jwtBearerGrantType,
    ]
    let path = String(
      String.UnicodeScalarView(
        request.path.unicodeScalars.filter { (0x21..<0x7f).contains($0.value) }.prefix(200)))
    var line = "\(request.method.prefix(16)) \(path)"
    if let grant = request.form?.first(where: { $0.0 == "grant_type" })?.1, known.contains(grant) {
      line += " grant_type=\(grant)"
    }
    return line + " \(response.status)"
  }

  var configuration: SimulatorConfiguration {
    get { state.withLock { $0.configuration } }
    set { state.withLock { $0.configuration = newValue } }
  }

  /// Answers one request, including the scenario's delivery and the edge's and node's headers.
  func respond(to request: HTTPRequest) -> SimulatedResponse {
    let configuration = self.configuration
    let scenarios = configuration.scenarios
    var response: SimulatedResponse
    if scenarios.contains(.hibernating) {
      response = InstanceResponses.hibernating
    } else if scenarios.contains(.noNode) {
      response = InstanceResponses.noNode
    } else {
      response = route(request, configuration)
      let loggedIn = response.header("x-is-logged-in") == "true"
      response.headers.removeAll { $0.name == "x-is-logged-in" }
      response.headers.append(
        contentsOf: InstanceResponses.nodeHeaders(loggedIn: loggedIn, status: response.status))
    }
    response.headers.insert(
      contentsOf: InstanceResponses.edgeHeaders(preADCv2: scenarios.contains(.preADCv2)), at: 0)
    requestLog?(Self.logLine(request, response))
    if scenarios.contains(.drop) {
      response.delivery = .drop
    } else if scenarios.contains(.drip) {
      response.delivery = .drip(interval: configuration.dripInterval)
    } else if scenarios.contains(.slow) {
      response.delivery = .delayed(seconds: configuration.slowDelay)
    }
    return response
  }

  private func route(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> SimulatedResponse {
    let scenarios = configuration.scenarios
    if scenarios.contains(.error503) { return InstanceResponses.errorPage(503) }
    if scenarios.contains(.error500) { return InstanceResponses.errorPage(500) }
    let path = request.path
    let loginPages = ["/", "/login.do", "/navpage.do"]
    if loginPages.contains(path), let provider = SingleSignOn(scenarios: scenarios) {
      return provider.redirect(from: path, host: request.header("Host") ?? "127.0.0.1")
    }
    switch path {
    case "/":
      return SimulatedResponse(status: 302, headers: [("Location", "/navpage.do")])
    case "/navpage.do", "/login.do", "/now/nav/ui", "/now/nav/ui/home":
      return InstanceResponses.page(
        200, title: "ServiceNow", text: "Log in to this simulated ServiceNow instance (snowgate simulate).")
    case "/oauth_token.do":
      return token(request, configuration)
    case "/oauth_auth.do":
      return authorize(request, configuration)
    case "/oauth_revoke_token.do":
      return revoke(request)
    default:
      if path == "/api" || path.hasPrefix("/api/") { return api(request, configuration) }
      return InstanceResponses.page(404, title: "Not Found", text: "The page \(path) does not exist.")
    }
  }

  /// `GET /oauth_revoke_token.do?token=…`: no authentication. Only the query is read: no source
  /// shows that an instance reads a POST body here (SERVICENOW.md, corrections), so neither does
  /// the simulator, and a client that sends the token in a body finds out.
  private func revoke(_ request: HTTPRequest) -> SimulatedResponse {
    if let token = request.queryValue("token"), !token.isEmpty { state.withLock { $0.revoke(token) } }
    return SimulatedResponse(status: 200, headers: InstanceResponses.tokenHeaders)
  }
}
