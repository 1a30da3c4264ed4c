import Foundation
import Hashing

/// The Table API: `/api/now/table/{t}` and `/api/now/v1|v2/table/{t}`, with Basic, Bearer or API key auth.
extension SimulatedInstance {
  /// Who made an API call and how, once the credentials are accepted.
  private enum Caller {
    case basic(String)
    case bearer(IssuedToken)
    case apiKey(String)
  }

  func api(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> HTTPResponse {
    let scenarios = configuration.scenarios
    let caller: Caller
    switch authenticate(request, configuration) {
    case .success(let found): caller = found
    case .failure(let box): return box.response
    }
    if case .bearer = caller, scenarios.contains(.scopeMissing) { return InstanceResponses.scopeMissing }
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
    guard request.method == "GET" else {
      return loggedIn(
        InstanceResponses.envelope(
          405, message: "Method not Supported", detail: "The simulator answers GET only on the Table API"))
    }
    let name = components[3]
    guard let table = SimulatedTable.seeded(name, configuration: configuration) else {
      return loggedIn(InstanceResponses.envelope(400, message: "Invalid table \(name)", detail: nil))
    }
    if (name == "sys_user" && scenarios.contains(.aclSysUser))
      || (name == "sys_db_object" && scenarios.contains(.aclSysDbObject))
    {
      return loggedIn(InstanceResponses.aclDenied)
    }
    let display = request.queryValue("sysparm_display_value") ?? "false"
    let fields = request.queryValue("sysparm_fields").map {
      $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    func render(_ row: [String: String]) -> JSONValue {
      let names = (fields?.isEmpty == false ? fields! : table.fields).filter { table.fields.contains($0) }
      return .object(
        names.map { field in
          let value = row[field] ?? ""
          if display == "all" {
            return (field, .object([("display_value", .string(value)), ("value", .string(value))]))
          }
          return (field, .string(value))
        })
    }

    if components.count == 5 {
      guard let row = table.rows.first(where: { $0["sys_id"] == components[4] }) else {
        return loggedIn(
          InstanceResponses.envelope(
            404, message: "No Record found",
            detail: "Record doesn't exist or ACL restricts the record retrieval"))
      }
      return loggedIn(InstanceResponses.json(200, .object([("result", render(row))])))
    }

    // A real instance runs `javascript:` values of an encoded query as server script, as the
    // session's user; the one script the simulator knows is gs.getUserName(), the caller's name.
    let sessionUser: String =
      switch caller {
      case .basic(let user), .apiKey(let user): user
      case .bearer(let token): token.userName
      }
    let queryText = (request.queryValue("sysparm_query") ?? "")
      .replacingOccurrences(of: "javascript:gs.getUserName()", with: sessionUser)
    let query = TableQuery(queryText)
    guard query.fieldNames.allSatisfy({ table.fields.contains($0) }) else {
      return loggedIn(InstanceResponses.aclDenied)
    }
    let matched = query.apply(to: table.rows)
    let offset = max(0, Int(request.queryValue("sysparm_offset") ?? "") ?? 0)
    let limit = max(1, Int(request.queryValue("sysparm_limit") ?? "") ?? 10000)
    let page = offset < matched.count ? Array(matched[offset..<min(matched.count, offset + limit)]) : []
    var headers: [(name: String, value: String)] = [("X-Total-Count", String(matched.count))]
    if request.queryValue("sysparm_suppress_pagination_header") != "true" {
      headers.append(("Link", links(request, total: matched.count, offset: offset, limit: limit)))
    }
    return loggedIn(
      InstanceResponses.json(200, .object([("result", .array(page.map(render)))]), headers: headers))
  }

  private func loggedIn(_ response: HTTPResponse) -> HTTPResponse {
    var marked = response
    marked.headers.append(("x-is-logged-in", "true"))
    return marked
  }

  private func authenticate(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> Result<
    Caller, HTTPResponseBox
  > {
    let scenarios = configuration.scenarios
    switch authenticateAPIKey(request, configuration) {
    case .absent: break
    case .accepted(let userName): return .success(.apiKey(userName))
    case .rejected(let response): return .failure(HTTPResponseBox(response))
    }
    let header = request.header("Authorization") ?? ""
    if header.lowercased().hasPrefix("bearer ") {
      let value = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
      guard let token = state.withLock({ $0.validAccessToken(value) }) else {
        return .failure(HTTPResponseBox(InstanceResponses.notAuthenticated()))
      }
      return .success(.bearer(token))
    }
    guard let basic = Self.basicCredentials(request) else {
      return .failure(HTTPResponseBox(InstanceResponses.notAuthenticated()))
    }
    let passwordRight = configuration.users.contains {
      $0.userName == basic.user && $0.password == basic.password
    }
    if scenarios.contains(.basicBlocked) || !passwordRight {
      return .failure(HTTPResponseBox(InstanceResponses.notAuthenticated()))
    }
    if scenarios.contains(.mfaRequired) {
      return .failure(
        HTTPResponseBox(InstanceResponses.notAuthenticated(extraHeaders: [("X-MFA_TOKEN", "invalid")])))
    }
    return .success(.basic(basic.user))
  }

  private func rateLimited(_ configuration: SimulatorConfiguration) -> HTTPResponse {
    let reset = Int(state.withLock { $0.now }.timeIntervalSince1970) + configuration.retryAfter
    return InstanceResponses.envelope(
      429, message: "Rate limit exceeded",
      detail: "The rate limit of 100 requests per hour for this user has been exceeded",
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
      return "<\(base)?\(FormCoding.encode(pairs))>;rel=\"\(relation)\""
    }
    let lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit
    var parts = [link(0, "first")]
    if offset > 0 { parts.append(link(max(0, offset - limit), "prev")) }
    if offset + limit < total { parts.append(link(offset + limit, "next")) }
    parts.append(link(lastOffset, "last"))
    return parts.joined(separator: ",")
  }
}
