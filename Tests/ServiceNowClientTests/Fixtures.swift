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

  static let snowHeaders = [
    "Server": "snow_adc",
    "Set-Cookie": "JSESSIONID=ABC123; Path=/; HttpOnly, glide_user_route=glide.1; Path=/",
  ]

  static let notAuthenticated = HTTPResponse.json(
    401,
    #"{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}"#,
    headers: snowHeaders.merging(["WWW-Authenticate": #"Basic realm="Service-now""#]) { $1 })

  static let aclDenied = HTTPResponse.json(
    403,
    #"{"error":{"message":"Insufficient rights to query records","detail":"Field(s) present in the query do not have permission to be read"},"status":"failure"}"#
  )

  static let scopeMissing = HTTPResponse.json(
    403, #"{"error":{"message":"Missing required api access scope","detail":null},"status":"failure"}"#)

  static let oneUser = HTTPResponse.json(
    200, #"{"result":[{"sys_id":"6816f79cc0a8016401c5a33be04be441","user_name":"admin"}]}"#,
    headers: ["X-Total-Count": "42"])

  static let oneTable = HTTPResponse.json(200, #"{"result":[{"sys_id":"x","name":"incident"}]}"#)

  static let hibernating = HTTPResponse(
    status: 200, headers: ["Content-Type": "text/html"],
    body: Data(
      "<html><body><h1>Your instance is hibernating</h1><a href=\"https://developer.servicenow.com\">Wake</a></body></html>"
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
