import Platform
import TextSafety
import Vocabulary

/// Table API queries and writes for the admin checks (issue 14): a filtered read with display
/// values, and POST/PATCH of one record.
///
/// References come back as `{"link":…,"value":…}` objects (or `{"display_value":…}` with
/// `sysparm_display_value=all`); `records` flattens them to the display value when one came,
/// else the sys_id, so callers see plain strings.
extension ServiceNowClient {
  /// Most records an admin check reads from one table.
  public static let recordLimit = 200

  /// Reads records of `table` matching the encoded `query` (`sysparm_query`), `fields` only.
  ///
  /// With `displayValues`, reference fields carry their display value (a role's name, a
  /// user's user_name) instead of a sys_id.
  public func records(
    _ table: String, query: String? = nil, fields: [String], limit: Int = 50, displayValues: Bool = false,
    auth: Credentials
  ) async -> Result<TableRead, ServiceNowFailure> {
    rememberSecrets(auth)
    return await SecretScrubber.$current.withValue(log.scrubber) {
      var parameters: [(name: String, value: String)] = [
        ("sysparm_limit", String(min(limit, Self.recordLimit)))
      ]
      if let query { parameters.append(("sysparm_query", query)) }
      if !fields.isEmpty { parameters.append(("sysparm_fields", fields.joined(separator: ","))) }
      if displayValues { parameters.append(("sysparm_display_value", "true")) }
      let url = InstanceEndpoints.url(
        instance, path: InstanceEndpoints.tablePath(table, apiVersion: apiVersion), query: parameters)
      var request = TransportRequest(method: "GET", url: url, headers: ["Accept": "application/json"])
      auth.apply(to: &request)
      return await send(request, table: table, auth: auth).map { response in
        let rows = Self.resultRows(BoundedJSON.object(response.body))
        return TableRead(
          table: table, records: rows.prefix(Self.recordLimit).map(Self.flatten),
          totalCount: response.header("X-Total-Count").flatMap { Int($0) }, elapsed: response.elapsed)
      }
    }
  }

  /// Creates (`sysID` nil: POST) or changes (PATCH) one record of `table`; the stored record comes back.
  public func writeRecord(
    _ table: String, sysID: String? = nil, fields: [String: String], auth: Credentials
  ) async -> Result<[String: String], ServiceNowFailure> {
    rememberSecrets(auth)
    return await SecretScrubber.$current.withValue(log.scrubber) {
      var path = InstanceEndpoints.tablePath(table, apiVersion: apiVersion)
      if let sysID { path += "/" + sysID }
      var request = TransportRequest(
        method: sysID == nil ? "POST" : "PATCH", url: InstanceEndpoints.url(instance, path: path),
        headers: ["Accept": "application/json", "Content-Type": "application/json"])
      auth.apply(to: &request)
      let body = JSONValue.object(fields.map { ($0.key, .string($0.value)) })
      request.body = Data(utf8Of: body.serialized(sortedKeys: true))
      return await send(request, table: table, auth: auth).map { response in
        let row = BoundedJSON.object(response.body)?["result"]?.dictionary
        return row.map(Self.flatten) ?? [:]
      }
    }
  }

  private func rememberSecrets(_ auth: Credentials) {
    switch auth {
    case .basic(let username, let password): log.rememberPair(username: username, password: password)
    case .bearer(let token): log.remember(token)
    case .apiKey(let key): log.remember(key)
    case .clientCertificate: break
    }
  }

  private func send(_ request: TransportRequest, table: String, auth: Credentials) async -> Result<
    HTTPResponse, ServiceNowFailure
  > {
    var request = request
    if request.header("User-Agent") == nil { request.setHeader("User-Agent", "snowgate") }
    switch await exchange(request, judge: { ResponseClassifier.tableFailure($0, auth: auth.kind) }) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let response):
      if let failure = ResponseClassifier.tableFailure(response, auth: auth.kind) {
        return .failure(failure)
      }
      return .success(response)
    }
  }

  /// A row as plain strings: references become their display value or sys_id; anything else
  /// that is not a string is dropped. Values are bounded and made safe to show.
  static func flatten(_ row: [String: JSONValue]) -> [String: String] {
    var flat: [String: String] = [:]
    for (name, value) in row.prefix(200) {
      let text: String?
      switch value {
      case .string(let string): text = string
      case .object: text = value["display_value"]?.string ?? value["value"]?.string
      default: text = nil
      }
      if let text { flat[String(name.prefix(80))] = String(text.prefix(2000)) }
    }
    return flat
  }

  /// The rows of a Table API answer's `result`: empty unless it is an array of objects only.
  static func resultRows(_ answer: JSONValue?) -> [[String: JSONValue]] {
    guard let items = answer?["result"]?.array else { return [] }
    let rows = items.compactMap(\.dictionary)
    return rows.count == items.count ? rows : []
  }
}
