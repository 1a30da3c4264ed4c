import Foundation

/// The answers a real instance gives, byte for byte where shared/SERVICENOW.md documents them.
enum InstanceResponses {
  static let jsonType = ("Content-Type", "application/json;charset=UTF-8")
  static let htmlType = ("Content-Type", "text/html;charset=UTF-8")

  /// A JSON answer.
  static func json(_ status: Int, _ value: JSONValue, headers: [(name: String, value: String)] = [])
    -> HTTPResponse
  {
    HTTPResponse(status: status, headers: [jsonType] + headers, body: value.bytes)
  }

  /// An HTML answer.
  static func html(_ status: Int, _ page: String, headers: [(name: String, value: String)] = [])
    -> HTTPResponse
  {
    HTTPResponse(status: status, headers: [htmlType] + headers, body: Array(page.utf8))
  }

  /// The Table API error envelope: `{"error":{"message":…,"detail":…},"status":"failure"}`.
  static func envelope(
    _ status: Int, message: String, detail: String?, headers: [(name: String, value: String)] = []
  ) -> HTTPResponse {
    json(
      status,
      .object([
        (
          "error",
          .object([("message", .string(message)), ("detail", detail.map(JSONValue.string) ?? .null)])
        ),
        ("status", .string("failure")),
      ]), headers: headers)
  }

  /// 401 for missing or wrong credentials, expired tokens and blocked Basic auth.
  static func notAuthenticated(extraHeaders: [(name: String, value: String)] = []) -> HTTPResponse {
    envelope(
      401, message: "User Not Authenticated", detail: "Required to provide Auth information",
      headers: [("WWW-Authenticate", "Basic realm=\"Service-now\"")] + extraHeaders)
  }

  /// 403 from an ACL, also for a query naming a field the table does not have.
  static let aclDenied = envelope(
    403, message: "Insufficient rights to query records",
    detail: "Field(s) present in the query do not have permission to be read")

  /// 403 for an OAuth token without the REST API scope.
  static let scopeMissing = envelope(
    403, message: "Missing required api access scope",
    detail: "The OAuth token does not carry a scope that grants access to this API")

  /// The token endpoint's catch-all failure, the same for every credential problem.
  static let accessDenied = json(
    401, .object([("error_description", .string("access_denied")), ("error", .string("server_error"))]),
    headers: tokenHeaders)

  /// Client credentials asked for by an app without an OAuth Application User.
  static func unauthorizedClient(sysID: String) -> HTTPResponse {
    json(
      400,
      .object([
        ("error", .string("unauthorized_client")),
        (
          "error_description",
          .string(
            "Received client_credentials grant_type request however integration user is not configured for OAuth:\(sysID)"
          )
        ),
      ]), headers: tokenHeaders)
  }

  static let tokenHeaders: [(name: String, value: String)] = [
    ("Cache-Control", "no-store"), ("Pragma", "no-cache"),
  ]

  /// The page a sleeping developer instance shows on every path.
  static let hibernating = html(
    200,
    """
    <!DOCTYPE html>
    <html><head><title>Instance Hibernating page</title></head>
    <body>
    <h1>Your instance is hibernating</h1>
    <p>Personal developer instances hibernate when they are not used.
    Sign in to the <a href="https://developer.servicenow.com/dev.do">ServiceNow Developer Program</a>
    to wake it up.</p>
    </body></html>

    """)

  /// An error page for the error-500 and error-503 scenarios.
  static func errorPage(_ status: Int) -> HTTPResponse {
    let title = status == 503 ? "Service Unavailable" : "Internal Server Error"
    return html(
      status,
      """
      <!DOCTYPE html>
      <html><head><title>\(status) \(title)</title></head>
      <body><h1>\(title)</h1><p>The instance could not process the request. Try again later.</p></body></html>

      """)
  }

  /// A plain HTML page with a heading and a paragraph, escaped.
  static func page(_ status: Int, title: String, text: String) -> HTTPResponse {
    html(
      status,
      """
      <!DOCTYPE html>
      <html><head><title>\(escape(title))</title></head>
      <body><h1>\(escape(title))</h1><p>\(escape(text))</p></body></html>

      """)
  }

  /// Escapes text for HTML bodies and attribute values.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }

  /// The headers every answer carries, errors included: what tells a ServiceNow instance apart.
  static func instanceHeaders(loggedIn: Bool) -> [(name: String, value: String)] {
    [
      ("Server", "snow_adc"),
      ("x-is-logged-in", loggedIn ? "true" : "false"),
      ("Set-Cookie", "JSESSIONID=\(Base64URL.randomHex(bytes: 16)); Path=/; HttpOnly"),
      (
        "Set-Cookie",
        "glide_user_route=glide.\(Base64URL.randomHex(bytes: 16).lowercased()); Max-Age=2147483647; Path=/; HttpOnly"
      ),
      ("Set-Cookie", "glide_session_store=\(Base64URL.randomHex(bytes: 16)); Max-Age=60; Path=/; HttpOnly"),
    ]
  }
}
