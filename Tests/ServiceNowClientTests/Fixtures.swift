import Foundation
import ServiceNowClient
import Vocabulary

/// Answers a real instance gives (shared/SERVICENOW.md), for the scripted tests.
enum Fixtures {
  static let instance = URL(string: "https://dev1.service-now.com")!
  static let usersPath = "/api/now/table/sys_user"
  static let metaPath = "/api/now/table/sys_db_object"
  static let password = Secret("pw-S3CR3T-SENTINEL")
  static let basic = Credentials.basic(username: "admin", password: password)
  static let bearer = Credentials.bearer(Secret("at-S3CR3T-SENTINEL"))

  /// The headers of a live application node's 401, as in the raw capture of
  /// vdesabou/kafka-docker-playground (servicenow-source-repro-proxy.sh): the edge's Server,
  /// the node's X-Transaction-ID and X-Is-Logged-In, and the cookies joined as one field.
  static let snowHeaders = [
    "Server": "snow_adc",
    "X-Is-Logged-In": "false",
    "X-Transaction-ID": "a1b2c3d4e5f6",
    "Server-Timing": "total;dur=12",
    "Set-Cookie":
      "JSESSIONID=ABC123; Path=/; HttpOnly, glide_user=; Max-Age=0; Path=/; HttpOnly, "
      + "glide_user_session=; Max-Age=0; Path=/; HttpOnly, BIGipServerpool_dev1=1234.36895.0000; path=/",
  ]

  static let notAuthenticated = HTTPResponse.json(
    401,
    #"{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}"#,
    headers: snowHeaders.merging(["WWW-Authenticate": #"BASIC realm="Service-now""#]) { $1 })

  /// A table ACL: detail null (SERVICENOW.md, corrections).
  static let aclDenied = HTTPResponse.json(
    403, #"{"error":{"message":"Insufficient rights to query records","detail":null},"status":"failure"}"#,
    headers: snowHeaders)

  /// A field ACL, or a query naming a field that does not exist.
  static let fieldsDenied = HTTPResponse.json(
    403,
    #"{"error":{"message":"Insufficient rights to query records","detail":"Field(s) present in the query do not have permission to be read"},"status":"failure"}"#,
    headers: snowHeaders)

  /// The REST API ACL (KB2466644).
  static let restAPIDenied = HTTPResponse.json(
    403,
    #"{"error":{"message":"User Not Authorized","detail":"Failed API level ACL Validation"},"status":"failure"}"#,
    headers: snowHeaders)

  /// A token without the REST API's auth scope, the whole text in the message (SND australia).
  static let scopeMissing = HTTPResponse.json(
    403,
    #"{"error":{"message":"User Not Authorized - Missing required api access scope: useraccount","detail":null},"status":"failure"}"#,
    headers: snowHeaders)

  /// The same text split between message and detail (the split is not documented).
  static let scopeMissingSplit = HTTPResponse.json(
    403,
    #"{"error":{"message":"User Not Authorized","detail":"Missing required api access scope: useraccount"},"status":"failure"}"#,
    headers: snowHeaders)

  static let tableSecurity = HTTPResponse.json(
    403,
    #"{"error":{"message":"Operation against file 'sys_user' was denied due to table security.","detail":null},"status":"failure"}"#,
    headers: snowHeaders)

  static let crossScope = HTTPResponse.json(
    403,
    #"{"error":{"message":"com.glide.script.fencing.access.ScopeAccessNotGrantedException: read access to sys_user not granted","detail":null},"status":"failure"}"#,
    headers: snowHeaders)

  static let oneUser = HTTPResponse.json(
    200, #"{"result":[{"sys_id":"6816f79cc0a8016401c5a33be04be441","user_name":"admin"}]}"#,
    headers: ["X-Total-Count": "42"])

  static let oneTable = HTTPResponse.json(200, #"{"result":[{"sys_id":"x","name":"incident"}]}"#)

  /// The hibernation page's markers as measured in 2026: 200, from the edge only (no cookies,
  /// no challenge, no X-Transaction-ID).
  static let hibernating = HTTPResponse(
    status: 200, headers: ["Content-Type": "text/html;charset=UTF-8", "Server": "snow_adc"],
    body: Data(
      """
      <html><body><div class="instance-hibernating-page">
      <h1>Your instance is hibernating</h1><p>Sign in to the site to wake your instance.</p>
      <a href="https://developer.servicenow.com/dev.do#!/home?wu=true">Sign in</a></div></body></html>
      """.utf8))

  /// The edge's 502 with no application node behind it: 153 bytes, Server: snow_adc.
  static let noNode = HTTPResponse(
    status: 502, headers: ["Content-Type": "text/html", "Server": "snow_adc"],
    body: Data(
      ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>snow_adc</center>\r\n</body>\r\n</html>\r\n")
        .utf8))

  static let tokens = HTTPResponse.json(
    200,
    #"{"scope":"useraccount","token_type":"Bearer","expires_in":1799,"refresh_token":"rt-S3CR3T-SENTINEL","access_token":"at-S3CR3T-SENTINEL"}"#
  )

  static let accessDenied = HTTPResponse.json(
    401, #"{"error_description":"access_denied","error":"server_error"}"#, headers: snowHeaders)

  static func client(_ transport: ScriptedTransport, log: RequestLog = RequestLog(), version: String? = nil)
    -> ServiceNowClient
  {
    ServiceNowClient(
      instance: instance, apiVersion: version, transport: transport, log: log, deadline: .seconds(2),
      proxy: ProxyEnvironment([:]), now: { Date(timeIntervalSince1970: 1_000_000) })
  }
}
