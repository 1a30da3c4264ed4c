import Hashing
import Platform

/// The Table API: `/api/now/table/{t}` and `/api/now/v1|v2/table/{t}`, with Basic, Bearer or API key auth.
extension SimulatedInstance {
  /// Who made an API call and how, once the credentials are accepted.
  enum Caller {
    case basic(String)
    case bearer(IssuedToken)
    case apiKey(String)
  }

  func api(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> SimulatedResponse {
    let scenarios = configuration.scenarios
    let caller: Caller
    switch authenticate(request, configuration) {
    case .success(let found): caller = found
    case .failure(let box): return box.response
    }
    if case .bearer = caller, scenarios.contains(.scopeMissing) {
      return loggedIn(InstanceResponses.scopeMissing)
    }
    if case .bearer = caller, scenarios.contains(.scopeMissingSplit) {
      return loggedIn(InstanceResponses.scopeMissingSplit)
    }
    if scenarios.contains(.aclRESTAPI) { return loggedIn(InstanceResponses.restAPIDenied) }
    if scenarios.contains(.rateLimited) { return rateLimited(configuration) }

    var components = request.path.split(separator: "/").map(String.init)
    // ["api", "now", ("v1"|"v2")?, "table", name, sys_id?]
    if components.count > 2, components[2] == "v1" || components[2] == "v2" { components.remove(at: 2) }
    guard components.count == 4 || components.count == 5, components[0] == "api", components[1] == "now",
      components[2] == "table"
    else {
      return loggedIn(
        InstanceResponses.envelope(400, message: "Requested URI does not represent any resource", detail: nil)
      )
    }
    let name = components[3]
    let recordID = components.count == 5 ? components[4] : nil
    guard let table = state.withLock({ $0.table(name) }) else {
      // Detail null on older releases, "Table NAME does not exist" measured in 2026.
      let detail = scenarios.contains(.preADCv2) ? nil : "Table \(name) does not exist"
      return loggedIn(InstanceResponses.envelope(400, message: "Invalid table \(name)", detail: detail))
    }
    let userName: String
    switch caller {
    case .basic(let user): userName = user
    case .bearer(let token): userName = token.userName
    case .apiKey(let user): userName = user
    }
    let isAdmin = configuration.users.first { $0.userName == userName }?.roles.contains("admin") ?? false
    if table.adminOnly, !isAdmin {
      return loggedIn(
        request.method == "GET" ? InstanceResponses.aclDenied : InstanceResponses.writeDenied(request.method))
    }
    switch (request.method, recordID) {
    case ("GET", _):
      return loggedIn(read(request, table, recordID: recordID, scenarios: scenarios, userName: userName))
    case ("POST", nil), ("PATCH", .some), ("PUT", .some), ("DELETE", .some):
      if table.readOnly { return loggedIn(InstanceResponses.writeDenied(request.method)) }
      return loggedIn(write(request, table, recordID: recordID))
    default:
      return loggedIn(
        InstanceResponses.envelope(
          405, message: "Method not Supported",
          detail:
            "\(request.method) is not supported on this path (GET, POST on a table; GET, PATCH, PUT, DELETE on a record)"
        ))
    }
  }

  /// A read of a table or one record, with the read scenarios applied.
  private func read(
    _ request: HTTPRequest, _ table: SimulatedTable, recordID: String?, scenarios: Set<Scenario>,
    userName: String
  )
    -> SimulatedResponse
  {
    let name = table.name
    if (name == "sys_user" && scenarios.contains(.aclSysUser))
      || (name == "sys_db_object" && scenarios.contains(.aclSysDbObject))
    {
      return InstanceResponses.aclDenied
    }
    if name == "sys_user" {
      if scenarios.contains(.aclFields) { return InstanceResponses.fieldsDenied }
      if scenarios.contains(.tableSecurity) { return InstanceResponses.tableSecurity(name) }
      if scenarios.contains(.crossScope) { return InstanceResponses.crossScope(name) }
    }
    // Rows and fields the caller may not read are dropped silently, with 200.
    var visibleRows = table.rows
    var readable = table.fields
    if name == "sys_user", scenarios.contains(.noVisibleRows) { visibleRows = [] }
    if name == "sys_user", scenarios.contains(.fieldsHidden) { readable.removeAll { $0 == "user_name" } }
    let renderer = RowRenderer(
      table: table, readable: readable, display: request.queryValue("sysparm_display_value") ?? "false",
      fields: request.queryValue("sysparm_fields"), base: "http://\(request.header("Host") ?? "127.0.0.1")",
      lookup: { target in self.state.withLock { $0.table(target) } })

    if let recordID {
      guard let row = visibleRows.first(where: { $0["sys_id"] == recordID }) else {
        return InstanceResponses.envelope(
          404, message: "No Record found",
          detail: "Record doesn't exist or ACL restricts the record retrieval")
      }
      return InstanceResponses.json(200, .object([("result", renderer.render(row))]))
    }

    // A real instance runs `javascript:` values of an encoded query as server script, as the
    // session's user: gs.getUserID() is the caller's sys_id, gs.getUserName() its user_name.
    let callerID =
      state.withLock { $0.table("sys_user") }?.rows.first { $0["user_name"] == userName }?["sys_id"] ?? ""
    let query = TableQuery(
      (request.queryValue("sysparm_query") ?? "")
        .replacing("javascript:gs.getUserID()", with: callerID)
        .replacing("javascript:gs.getUserName()", with: userName))
    // One level of dot-walking through a reference (`group.name=…`), as encoded queries allow.
    var walked: [String: (field: String, target: SimulatedTable, column: String)] = [:]
    for name in query.fieldNames where name.contains(".") {
      let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
      guard parts.count == 2, let targetName = table.references[parts[0]],
        let target = state.withLock({ $0.table(targetName) }), target.fields.contains(parts[1])
      else { continue }
      walked[name] = (parts[0], target, parts[1])
    }
    guard query.fieldNames.allSatisfy({ table.fields.contains($0) || walked[$0] != nil }) else {
      return InstanceResponses.fieldsDenied
    }
    if !walked.isEmpty {
      visibleRows = visibleRows.map { row in
        var extended = row
        for (name, walk) in walked {
          extended[name] = walk.target.rows.first { $0["sys_id"] == row[walk.field] }?[walk.column] ?? ""
        }
        return extended
      }
    }
    let matched = query.apply(to: visibleRows)
    let offset = max(0, Int(request.queryValue("sysparm_offset") ?? "") ?? 0)
    let limit = max(1, Int(request.queryValue("sysparm_limit") ?? "") ?? 10000)
    let page = offset < matched.count ? Array(matched[offset..<min(matched.count, offset + limit)]) : []
    var headers: [(name: String, value: String)] = [("X-Total-Count", String(matched.count))]
    if request.queryValue("sysparm_suppress_pagination_header") != "true" {
      headers.append(("Link", links(request, total: matched.count, offset: offset, limit: limit)))
    }
    return InstanceResponses.json(
      200, .object([("result", .array(page.map(renderer.render)))]), headers: headers)
  }

  func loggedIn(_ response: SimulatedResponse) -> SimulatedResponse {
    var marked = response
    marked.headers.append(("x-is-logged-in", "true"))
    return marked
  }

  private func authenticate(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> Result<
    Caller, SimulatedResponseBox
  > {
    let scenarios = configuration.scenarios
    switch authenticateAPIKey(request, configuration) {
    case .absent: break
    case .accepted(let userName): return .success(.apiKey(userName))
    case .rejected(let response): return .failure(SimulatedResponseBox(response))
    }
    var challenges = [InstanceResponses.basicChallenge]
    if scenarios.contains(.challengeBearer) { challenges = [InstanceResponses.bearerChallenge] }
    if scenarios.contains(.challengeBoth) {
      challenges = [InstanceResponses.basicChallenge, InstanceResponses.bearerChallenge]
    }
    let refused = SimulatedResponseBox(InstanceResponses.notAuthenticated(challenges: challenges))
    let header = request.header("Authorization") ?? ""
    if header.lowercased().hasPrefix("bearer ") {
      let value = PlainString.trimmed(header.dropFirst(7))
      guard let token = state.withLock({ $0.validAccessToken(value) }), !scenarios.contains(.tokenRestricted)
      else {
        return .failure(refused)
      }
      return .success(.bearer(token))
    }
    guard let basic = Self.basicCredentials(request) else { return .failure(refused) }
    let passwordRight = configuration.users.contains {
      $0.userName == basic.user && !$0.password.isEmpty && $0.password == basic.password
    }
    // An access policy that names only tokens refuses Basic as a blocked user is refused.
    if scenarios.contains(.basicBlocked) || scenarios.contains(.challengeBearer) || !passwordRight {
      return .failure(refused)
    }
    if scenarios.contains(.mfaRequired) {
      return .failure(
        SimulatedResponseBox(
          InstanceResponses.notAuthenticated(
            challenges: challenges, extraHeaders: [("X-MFA_TOKEN", "invalid")])))
    }
    return .success(.basic(basic.user))
  }

  /// The documented 429 body; the X-RateLimit-* headers come only because a rule matched.
  private func rateLimited(_ configuration: SimulatorConfiguration) -> SimulatedResponse {
    let reset = Int(state.withLock { $0.now }.timeIntervalSince1970) + configuration.retryAfter
    return InstanceResponses.envelope(
      429, message: "Rate limit exceeded",
      detail: "Rate limit of 100 requests per hour for Table API exceeded",
      headers: [
        ("Retry-After", String(configuration.retryAfter)), ("X-RateLimit-Limit", "100"),
        ("X-RateLimit-Reset", String(reset)),
        ("X-RateLimit-Rule", String(SHA256.hex("sys_rate_limit_rules:default").prefix(32))),
      ])
  }

  /// The Link header: first, prev, next and last pages with the caller's other parameters kept.
  private func links(_ request: HTTPRequest, total: Int, offset: Int, limit: Int) -> String {
    let base = "http://\(request.header("Host") ?? "127.0.0.1")\(request.path)"
    let others = request.query.filter { $0.0 != "sysparm_offset" && $0.0 != "sysparm_limit" }
    func link(_ pageOffset: Int, _ relation: String) -> String {
      let pairs = others + [("sysparm_limit", String(limit)), ("sysparm_offset", String(pageOffset))]
      return "<\(base)?\(FormEncoding.encode(pairs))>;rel=\"\(relation)\""
    }
    let lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit
    var parts = [link(0, "first")]
    if offset > 0 { parts.append(link(max(0, offset - limit), "prev")) }
    if offset + limit < total { parts.append(link(offset + limit, "next")) }
    parts.append(link(lastOffset, "last"))
    return parts.joined(separator: ",")
  }
}
