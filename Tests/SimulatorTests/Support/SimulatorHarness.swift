import Foundation
import Simulator
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A running simulator plus a URLSession that talks to it, for one test.
final class SimulatorHarness: Sendable {
  let server: SimulatorServer
  let session: URLSession
  let base: URL

  init(_ configuration: SimulatorConfiguration = .demo) throws {
    server = SimulatorServer(configuration: configuration)
    try server.start()
    base = server.baseURL
    let sessionConfiguration = URLSessionConfiguration.ephemeral
    sessionConfiguration.httpCookieAcceptPolicy = .never
    sessionConfiguration.httpShouldSetCookies = false
    session = URLSession(configuration: sessionConfiguration, delegate: NoRedirects(), delegateQueue: nil)
  }

  convenience init(scenarios: Set<Scenario>) throws {
    var configuration = SimulatorConfiguration.demo
    configuration.scenarios = scenarios
    try self.init(configuration)
  }

  func stop() {
    session.invalidateAndCancel()
    server.stop()
  }

  /// Sends one request; `basic` is user:password, `bearer` a token, `form` a form body.
  func send(
    _ method: String = "GET", _ path: String, basic: (String, String)? = nil, bearer: String? = nil,
    form: [(String, String)]? = nil, headers: [String: String] = [:], body: Data? = nil
  ) async throws -> Answer {
    var fields: [(String, String)] = []
    if let basic {
      fields.append(("Authorization", "Basic " + Data("\(basic.0):\(basic.1)".utf8).base64EncodedString()))
    }
    if let bearer { fields.append(("Authorization", "Bearer \(bearer)")) }
    var payload = body
    if let form {
      fields.append(("Content-Type", "application/x-www-form-urlencoded"))
      payload = Data(Self.formEncode(form).utf8)
    }
    fields += headers.map { ($0.key, $0.value) }
    // On Linux, URLSession turns every 401 with `WWW-Authenticate: Basic` (which the Table API sends,
    // as a real instance does) into an authentication challenge that it never completes by default,
    // or cancels (-999): the answer's body cannot be read. Table API calls therefore go over a raw
    // socket; URLSessionChallengeTests shows what a URLSession client can see instead.
    if path.hasPrefix("/api/") {
      return try Self.rawExchange(
        port: server.port, method: method, path: path, headers: fields, body: payload)
    }
    var request = URLRequest(url: URL(string: base.absoluteString + path)!)
    request.httpMethod = method
    for (name, value) in fields { request.setValue(value, forHTTPHeaderField: name) }
    request.httpBody = payload
    let (data, response) = try await Self.data(session, request, seconds: 10)
    let http = response as! HTTPURLResponse
    var answerHeaders: [String: String] = [:]
    for (key, value) in http.allHeaderFields { answerHeaders["\(key)"] = "\(value)" }
    return Answer(status: http.statusCode, headers: answerHeaders, body: data)
  }

  /// One HTTP/1.1 exchange on a bare socket with `Connection: close`, parsed into an `Answer`.
  static func rawExchange(
    port: UInt16, method: String, path: String, headers: [(String, String)], body: Data?
  ) throws -> Answer {
    let client = try RawClient(port: port)
    defer { client.disconnect() }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body?.count ?? 0)\r\n\r\n"
    client.send(Array(head.utf8) + Array(body ?? Data()))
    let (bytes, _) = client.readAll(seconds: 10)
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }),
      let status = RawClient.status(of: bytes)
    else { throw URLError(.badServerResponse) }
    var fields: [String: String] = [:]
    for line in String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n").dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = String(line[..<colon])
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      fields[name] = fields[name].map { $0 + ", " + value } ?? value
    }
    return Answer(status: status, headers: fields, body: Data(bytes[(end + 4)...]))
  }

  /// URLSession on Linux enforces no timeout, so the test cancels the task itself after `seconds`.
  static func data(_ session: URLSession, _ request: URLRequest, seconds: Double) async throws -> (
    Data, URLResponse
  ) {
    try await withThrowingTaskGroup(of: (Data, URLResponse).self) { group in
      group.addTask { try await session.data(for: request) }
      group.addTask {
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        throw URLError(.timedOut)
      }
      defer { group.cancelAll() }
      return try await group.next()!
    }
  }

  /// A password grant for the demo admin; returns the parsed answer.
  func passwordGrant(
    user: String = "admin", password: String = "admin", client: String = "snowgate-demo",
    secret: String = "demo-secret"
  ) async throws -> Answer {
    try await send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "password"), ("client_id", client), ("client_secret", secret), ("username", user),
        ("password", password),
      ])
  }

  /// A fresh access token for the demo admin.
  func accessToken() async throws -> String {
    let answer = try await passwordGrant()
    return try XCTUnwrap(answer.json?["access_token"] as? String)
  }

  static func formEncode(_ pairs: [(String, String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return pairs.map {
      "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }.joined(separator: "&")
  }

  /// The documented catch-all body of the token endpoint.
  static var accessDenied: NSDictionary {
    ["error_description": "access_denied", "error": "server_error"]
  }

  /// The documented Table API 401 body.
  static var notAuthenticated: NSDictionary {
    [
      "error": ["message": "User Not Authenticated", "detail": "Required to provide Auth information"],
      "status": "failure",
    ]
  }

  /// The Table API 403 of a table ACL: detail null (SERVICENOW.md, corrections).
  static var aclDenied: NSDictionary {
    ["error": ["message": "Insufficient rights to query records", "detail": NSNull()], "status": "failure"]
  }

  /// The Table API 403 of a field ACL, also for a query naming a field the table lacks.
  static var fieldsDenied: NSDictionary {
    [
      "error": [
        "message": "Insufficient rights to query records",
        "detail": "Field(s) present in the query do not have permission to be read",
      ],
      "status": "failure",
    ]
  }
}
