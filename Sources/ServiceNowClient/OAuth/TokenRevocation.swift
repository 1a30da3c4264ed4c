import Platform
import Vocabulary

/// The revocation call as ServiceNow documents it: `GET /oauth_revoke_token.do?token=…`.
///
/// No authentication, and the token goes in the query: that is the only form the documentation
/// shows, and no source shows that a POST body is read (SERVICENOW.md, "Token endpoint"). The
/// token is percent-encoded as a form value (only RFC 3986's unreserved characters stay), so a
/// JWT-format token's `.` survive and any `+`, `/` or `=` cannot change the query's meaning.
/// The request log must redact the query's `token` like every other token value.
public enum TokenRevocation {
  /// The URL of the revocation of `token` at `instance`.
  public static func url(instance: URL, token: Secret) -> URL {
    InstanceEndpoints.url(instance, path: "/oauth_revoke_token.do", query: [("token", token.reveal())])
  }

  /// The whole request: a GET with no body and no credentials.
  public static func urlRequest(instance: URL, token: Secret) -> TransportRequest {
    TransportRequest(method: "GET", url: url(instance: instance, token: token), headers: ["Accept": "*/*"])
  }
}
