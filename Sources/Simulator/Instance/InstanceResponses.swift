import Hashing
import Platform

/// The answers a real instance gives, byte for byte where shared/SERVICENOW.md documents them.
enum InstanceResponses {
  static let jsonType = ("Content-Type", "application/json;charset=UTF-8")
  static let htmlType = ("Content-Type", "text/html;charset=UTF-8")

  /// A JSON answer.
  static func json(_ status: Int, _ value: JSONValue, headers: [(name: String, value: String)] = [])
    -> SimulatedResponse
  {
    SimulatedResponse(status: status, headers: [jsonType] + headers, body: value.bytes)
  }

  /// An HTML answer.
  static func html(_ status: Int, _ page: String, headers: [(name: String, value: String)] = [])
    -> SimulatedResponse
  {
    SimulatedResponse(status: status, headers: [htmlType] + headers, body: Array(page.utf8))
  }

  /// The Table API error envelope: `{"error":{"message":…,"detail":…},"status":"failure"}`.
  static func envelope(
    _ status: Int, message: String, detail: String?, headers: [(name: String, value: String)] = []
  ) -> SimulatedResponse {
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

  /// The 401 challenge as real instances send it: upper-case scheme, the Service-now realm.
  static let basicChallenge = ("WWW-Authenticate", "BASIC realm=\"Service-now\"")
  /// The challenge under an API access policy that wants a token (SND australia).
  static let bearerChallenge = ("WWW-Authenticate", "BEARER realm=\"Service-now\"")

  /// 401 for missing or wrong credentials, expired tokens and blocked Basic auth.
  ///
  /// `challenges` are the `WWW-Authenticate` headers, one field each (the BASIC one by default).
  static func notAuthenticated(
    challenges: [(name: String, value: String)] = [basicChallenge],
    extraHeaders: [(name: String, value: String)] = []
  ) -> SimulatedResponse {
    envelope(
      401, message: "User Not Authenticated", detail: "Required to provide Auth information",
      headers: challenges + extraHeaders)
  }

  /// 403 from a table ACL: detail `null` (SERVICENOW.md, corrections).
  static let aclDenied = envelope(403, message: "Insufficient rights to query records", detail: nil)

  /// 403 from a field ACL, also for a query naming a field the table does not have.
  static let fieldsDenied = envelope(
    403, message: "Insufficient rights to query records",
    detail: "Field(s) present in the query do not have permission to be read")

  /// 403 for a write the caller's roles do not allow: "Operation Failed" with "ACL Exception
  /// Insert Failed due to security constraints", as public Table API clients record it (code
  /// search); the Update and Delete wordings follow the same pattern (not sourced).
  static func writeDenied(_ method: String) -> SimulatedResponse {
    let operation = method == "POST" ? "Insert" : method == "DELETE" ? "Delete" : "Update"
    return envelope(
      403, message: "Operation Failed",
      detail: "ACL Exception \(operation) Failed due to security constraints")
  }

  /// 403 from the REST API ACL; the role snc_platform_rest_api_access cures it (KB2466644).
  static let restAPIDenied = envelope(
    403, message: "User Not Authorized", detail: "Failed API level ACL Validation")

  /// The REST API auth scope the simulated Table API asks of OAuth tokens.
  static let tableAPIScope = "useraccount"

  /// 403 for an OAuth token without the REST API's auth scope, the whole text in the message.
  static let scopeMissing = envelope(
    403, message: "User Not Authorized - Missing required api access scope: \(tableAPIScope)", detail: nil)

  /// The same refusal with the text split between message and detail (the split is not documented).
  static let scopeMissingSplit = envelope(
    403, message: "User Not Authorized", detail: "Missing required api access scope: \(tableAPIScope)")

  /// 403 from table security.
  static func tableSecurity(_ table: String) -> SimulatedResponse {
    envelope(403, message: "Operation against file '\(table)' was denied due to table security.", detail: nil)
  }

  /// 403 for cross-scope access (application scope fencing). The text after the class name is
  /// not sourced; the class name is (SERVICENOW.md, corrections).
  static func crossScope(_ table: String) -> SimulatedResponse {
    envelope(
      403,
      message:
        "com.glide.script.fencing.access.ScopeAccessNotGrantedException: read access to \(table) from scope x_snowgate not granted",
      detail: nil)
  }

  /// The token endpoint's catch-all failure, the same for every credential problem.
  static let accessDenied = json(
    401, .object([("error_description", .string("access_denied")), ("error", .string("server_error"))]),
    headers: tokenHeaders)

  /// Client credentials asked for by an app without an OAuth Application User.
  static func unauthorizedClient(sysID: String) -> SimulatedResponse {
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

  /// The page a sleeping developer instance shows on every path, 200, about 5.9 kB.
  ///
  /// Written from the markers of a 2026 measurement (SERVICENOW.md, corrections): the
  /// `instance-hibernating-page` class, the heading, the sign-in sentence and the wake button's
  /// address. The styling is filler of about the measured size, not the real markup.
  static let hibernating: SimulatedResponse = {
    let rules = (1...78).map { index in
      "      .hib-rule-\(index) { margin: \(index % 7)px auto; padding: \(index % 5)px; color: #2e2e2e; }"
    }.joined(separator: "\n")
    let page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Instance Hibernating page</title>
      <style>
      \(rules)
      </style>
      </head>
      <body>
      <div class="instance-hibernating-page">
      <h1>Your instance is hibernating</h1>
      <p>Personal developer instances hibernate when they are not used for a while.</p>
      <p>Sign in to the site to wake your instance.</p>
      <a class="button" href="https://developer.servicenow.com/dev.do#!/home?wu=true">Sign in</a>
      </div>
      </body>
      </html>

      """
    return html(200, page)
  }()

  /// The edge's page when no application node stands behind it: 502, exactly 153 bytes.
  static let noNode = SimulatedResponse(
    status: 502, headers: [htmlType],
    body: Array(
      ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>snow_adc</center>\r\n</body>\r\n</html>\r\n")
        .utf8))

  /// An error page for the error-500 and error-503 scenarios.
  static func errorPage(_ status: Int) -> SimulatedResponse {
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
  static func page(_ status: Int, title: String, text: String) -> SimulatedResponse {
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
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The edge's header: `Server: snow_adc` on the ADCv2 edge, `Server: ServiceNow` before it
  /// (KB0993615, KB1645221). Hibernation and no-node answers carry nothing else.
  static func edgeHeaders(preADCv2: Bool) -> [(name: String, value: String)] {
    [("Server", preADCv2 ? "ServiceNow" : "snow_adc")]
  }

  /// The headers a live application node adds to every answer, errors included.
  ///
  /// `X-Is-Logged-In`, `X-Transaction-ID` and `Server-Timing` come only from a node (the edge
  /// alone never sends `X-Transaction-ID`). A 401 also expires `glide_user` and
  /// `glide_user_session`, as in the raw capture of vdesabou/kafka-docker-playground
  /// (connect/connect-servicenow-source/servicenow-source-repro-proxy.sh). The Server-Timing
  /// metric names are not sourced.
  static func nodeHeaders(loggedIn: Bool, status: Int) -> [(name: String, value: String)] {
    let expired = "Max-Age=0; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/; HttpOnly"
    var headers: [(name: String, value: String)] = [
      ("X-Is-Logged-In", loggedIn ? "true" : "false"),
      ("X-Transaction-ID", Base64URL.randomHex(bytes: 6).lowercased()),
      (
        "Server-Timing",
        "sem_wait;dur=0, sql;dur=\(Int.random(in: 1...9)), total;dur=\(Int.random(in: 10...40))"
      ),
      ("Set-Cookie", "JSESSIONID=\(Base64URL.randomHex(bytes: 16)); Path=/; HttpOnly"),
    ]
    if status == 401 {
      headers.append(("Set-Cookie", "glide_user=; \(expired)"))
      headers.append(("Set-Cookie", "glide_user_session=; \(expired)"))
    }
    headers += [
      (
        "Set-Cookie",
        "glide_user_route=glide.\(Base64URL.randomHex(bytes: 16).lowercased()); Max-Age=2147483647; Path=/; HttpOnly"
      ),
      ("Set-Cookie", "glide_session_store=\(Base64URL.randomHex(bytes: 16)); Max-Age=60; Path=/; HttpOnly"),
      (
        "Set-Cookie",
        "BIGipServerpool_snowgate=\(Int.random(in: 100_000_000...999_999_999)).36895.0000; path=/; Httponly"
      ),
    ]
    return headers
  }
}
