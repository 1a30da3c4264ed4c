import Hashing
import Platform

/// Table API writes: POST on a table, PATCH/PUT/DELETE on a record, JSON bodies, bounded.
///
/// Rows of sys_user and oauth_entity become users and OAuth clients of the configuration, so a
/// client created here signs in at once; the other tables keep their rows in the instance state.
/// Unknown fields are ignored, as an instance ignores them.
extension SimulatedInstance {
  /// Largest JSON body a write may carry, fields per write, characters per value, rows per
  /// table, and characters all writes together may store, so memory stays bounded.
  static let writeLimits = (
    bodyBytes: 64 * 1024, fields: 100, valueCharacters: 4000, rows: 1_000, total: 8 * 1024 * 1024
  )

  /// Field names writes accept for another (both plausible forms; see SimulatedTable).
  static let aliases: [String: [String: String]] = [
    "sys_rest_message": ["endpoint": "rest_endpoint"],
    "sys_rest_message_fn": ["endpoint": "rest_endpoint", "name": "function_name"],
  ]

  func write(_ request: HTTPRequest, _ table: SimulatedTable, recordID: String?) -> SimulatedResponse {
    var fields: [String: String] = [:]
    if request.method != "DELETE" {
      switch Self.parseFields(request.body) {
      case .success(let parsed): fields = parsed
      case .failure(let box): return box.response
      }
      let aliases = Self.aliases[table.name] ?? [:]
      for (alias, field) in aliases where fields[field] == nil {
        if let value = fields.removeValue(forKey: alias) { fields[field] = value }
      }
      // References may be given by sys_id or by display value; stored as the sys_id.
      for (field, target) in table.references {
        guard let value = fields[field], let other = state.withLock({ $0.table(target) }),
          !other.rows.contains(where: { $0["sys_id"] == value })
        else { continue }
        if let match = other.rows.first(where: { $0[other.displayField] == value }) {
          fields[field] = match["sys_id"]
        }
      }
    }
    let size = fields.reduce(0) { $0 + $1.key.count + $1.value.count }
    let outcome = state.withLock { state -> Result<[String: String]?, SimulatedResponseBox> in
      guard state.writtenCharacters + size <= Self.writeLimits.total else {
        return .failure(Self.full(table.name))
      }
      state.writtenCharacters += size
      switch table.name {
      case "oauth_entity": return Self.writeClient(&state, fields, recordID: recordID, method: request.method)
      case "sys_user": return Self.writeUser(&state, fields, recordID: recordID, method: request.method)
      default: return Self.writeRow(&state, table.name, fields, recordID: recordID, method: request.method)
      }
    }
    switch outcome {
    case .failure(let box):
      return box.response
    case .success(nil):
      return SimulatedResponse(status: 204)
    case .success(let row?):
      guard let fresh = state.withLock({ $0.table(table.name) }),
        let stored = fresh.rows.first(where: { $0["sys_id"] == row["sys_id"] })
      else { return SimulatedResponse(status: 204) }
      let renderer = RowRenderer(
        table: fresh, readable: fresh.fields, display: request.queryValue("sysparm_display_value") ?? "false",
        fields: request.queryValue("sysparm_fields"), base: "http://\(request.header("Host") ?? "127.0.0.1")",
        lookup: { target in self.state.withLock { $0.table(target) } })
      var headers: [(name: String, value: String)] = []
      if request.method == "POST" {
        headers.append(
          (
            "Location",
            "http://\(request.header("Host") ?? "127.0.0.1")/api/now/table/\(table.name)/\(stored["sys_id"] ?? "")"
          ))
      }
      return InstanceResponses.json(
        request.method == "POST" ? 201 : 200, .object([("result", renderer.render(stored))]), headers: headers
      )
    }
  }

  /// The body as a flat object of strings; numbers and booleans become their text.
  static func parseFields(_ body: [UInt8]) -> Result<[String: String], SimulatedResponseBox> {
    func refuse(_ detail: String) -> Result<[String: String], SimulatedResponseBox> {
      // The message is an instance's wording for an unreadable body; the detail is ours.
      .failure(
        SimulatedResponseBox(
          InstanceResponses.envelope(400, message: "Exception while reading request", detail: detail)))
    }
    guard body.count <= writeLimits.bodyBytes else {
      return refuse("The body is larger than \(writeLimits.bodyBytes) bytes.")
    }
    // Within BoundedJSON's bounds, like any JSON read; a nested value is refused below in any case.
    guard let object = BoundedJSON.object(body)?.dictionary else {
      return refuse("The body is not a JSON object.")
    }
    guard object.count <= writeLimits.fields else { return refuse("More than \(writeLimits.fields) fields.") }
    var fields: [String: String] = [:]
    for (name, value) in object {
      let text: String
      switch value {
      case .string(let string): text = string
      case .number(let number): text = String(number)
      case .decimal(let number): text = String(number)
      case .bool(let flag): text = flag ? "true" : "false"
      case .null: text = ""
      case .array, .object:
        return refuse("The value of \(name.prefix(40)) is not a string, number or boolean.")
      }
      guard text.count <= writeLimits.valueCharacters, name.count <= 80 else {
        return refuse("A field name or value is too long.")
      }
      fields[name] = text
    }
    return .success(fields)
  }

  private static func notFound() -> SimulatedResponseBox {
    SimulatedResponseBox(
      InstanceResponses.envelope(
        404, message: "No Record found", detail: "Record doesn't exist or ACL restricts the record retrieval")
    )
  }

  private static func full(_ table: String) -> SimulatedResponseBox {
    SimulatedResponseBox(
      InstanceResponses.envelope(
        400, message: "Insert Failed",
        detail: "The simulated \(table) holds at most \(writeLimits.rows) records"))
  }

  private static func newSysID() -> String { Base64URL.randomHex(bytes: 16).lowercased() }

  private static func now(_ state: InstanceState) -> String {
    // ServiceNow's glide date-time: "2023-11-14 22:13:20", in UTC.
    let style = Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeZone: .gmt)
      .year().month().day().time(includingFractionalSeconds: false)
    return state.now.formatted(style)
  }

  private static func writeRow(
    _ state: inout InstanceState, _ name: String, _ fields: [String: String], recordID: String?,
    method: String
  ) -> Result<[String: String]?, SimulatedResponseBox> {
    guard var table = state.tables[name] else { return .failure(notFound()) }
    let known = fields.filter { table.fields.contains($0.key) && $0.key != "sys_created_on" }
    let result: [String: String]?
    if let recordID {
      guard let index = table.rows.firstIndex(where: { $0["sys_id"] == recordID }) else {
        return .failure(notFound())
      }
      if method == "DELETE" {
        table.rows.remove(at: index)
        result = nil
      } else {
        var row =
          method == "PUT"
          ? table.rows[index].filter { $0.key == "sys_id" || $0.key == "sys_created_on" } : table.rows[index]
        row.merge(known.filter { $0.key != "sys_id" }) { $1 }
        table.rows[index] = row
        result = row
      }
    } else {
      guard table.rows.count < writeLimits.rows else { return .failure(full(name)) }
      var row = Dictionary(uniqueKeysWithValues: table.fields.map { ($0, "") })
      row.merge(known) { $1 }
      if row["sys_id"]?.isEmpty != false { row["sys_id"] = newSysID() }
      row["sys_created_on"] = now(state)
      table.rows.append(row)
      result = row
    }
    state.tables[name] = table
    return .success(result)
  }

  /// oauth_entity rows are OAuth clients: a new one gets a random client ID and secret unless
  /// the body names them, as the Application Registry form generates them.
  private static func writeClient(
    _ state: inout InstanceState, _ fields: [String: String], recordID: String?, method: String
  ) -> Result<[String: String]?, SimulatedResponseBox> {
    func apply(_ fields: [String: String], to client: inout SimulatedOAuthClient) {
      if let value = fields["name"] { client.name = value }
      if let value = fields["client_secret"], !value.isEmpty { client.secret = value }
      if let value = fields["redirect_url"] {
        client.redirectURLs = value.split(separator: ",").map { PlainString.trimmed($0) }
          .filter { !$0.isEmpty }
      }
      if let value = fields["public_client"] { client.publicClient = value == "true" }
      if let value = fields["access_token_lifespan"].flatMap({ Int($0) }), value > 0 {
        client.accessTokenLifespan = min(value, 31_536_000)
      }
      if let value = fields["refresh_token_lifespan"].flatMap({ Int($0) }), value >= 0 {
        client.refreshTokenLifespan = min(value, 315_360_000)
      }
      if let value = fields["active"] { client.active = value == "true" }
      if let value = fields["user"] {
        // The OAuth Application User: a sys_user sys_id, or a user name.
        let users = state.configuration.users
        client.applicationUser =
          value.isEmpty
          ? nil : (users.first { $0.sysID == value } ?? users.first { $0.userName == value })?.userName
      }
    }
    var clients = state.configuration.oauthClients
    let result: SimulatedOAuthClient?
    if let recordID {
      guard let index = clients.firstIndex(where: { $0.sysID == recordID }) else {
        return .failure(notFound())
      }
      if method == "DELETE" {
        clients.remove(at: index)
        result = nil
      } else {
        apply(fields, to: &clients[index])
        result = clients[index]
      }
    } else {
      guard clients.count < writeLimits.rows else { return .failure(full("oauth_entity")) }
      let id = fields["client_id"].flatMap { $0.isEmpty ? nil : $0 } ?? newSysID()
      guard !clients.contains(where: { $0.id == id }) else {
        return .failure(
          SimulatedResponseBox(
            InstanceResponses.envelope(
              403, message: "Operation Failed",
              detail: "Error during insert of oauth_entity (a client with this ID exists)")))
      }
      var client = SimulatedOAuthClient(
        id: id, secret: Base64URL.random(bytes: 24),
        sysID: fields["sys_id"].flatMap { $0.isEmpty ? nil : $0 } ?? newSysID())
      apply(fields, to: &client)
      if client.publicClient, fields["client_secret"] == nil { client.secret = nil }
      clients.append(client)
      result = client
    }
    state.configuration.oauthClients = clients
    return .success(result.map { ["sys_id": $0.sysID] })
  }

  /// sys_user rows are users; `user_password` sets the password Basic and the grants check.
  private static func writeUser(
    _ state: inout InstanceState, _ fields: [String: String], recordID: String?, method: String
  ) -> Result<[String: String]?, SimulatedResponseBox> {
    var users = state.configuration.users
    let result: SimulatedUser?
    func apply(_ fields: [String: String], to user: inout SimulatedUser) {
      if let value = fields["user_name"], !value.isEmpty { user.userName = value }
      if let value = fields["user_password"] { user.password = value }
      if let value = fields["first_name"] { user.firstName = value }
      if let value = fields["last_name"] { user.lastName = value }
      if let value = fields["email"] { user.email = value }
    }
    if let recordID {
      guard let index = users.firstIndex(where: { $0.sysID == recordID }) else { return .failure(notFound()) }
      if method == "DELETE" {
        users.remove(at: index)
        result = nil
      } else {
        apply(fields, to: &users[index])
        result = users[index]
      }
    } else {
      guard users.count < writeLimits.rows else { return .failure(full("sys_user")) }
      guard let name = fields["user_name"], !name.isEmpty, !users.contains(where: { $0.userName == name })
      else {
        return .failure(
          SimulatedResponseBox(
            InstanceResponses.envelope(
              403, message: "Operation Failed",
              detail: "Error during insert of sys_user (user_name missing or taken)")))
      }
      var user = SimulatedUser(
        userName: name, password: "", sysID: fields["sys_id"].flatMap { $0.isEmpty ? nil : $0 } ?? newSysID())
      apply(fields, to: &user)
      users.append(user)
      result = user
    }
    state.configuration.users = users
    return .success(result.map { ["sys_id": $0.sysID] })
  }
}
