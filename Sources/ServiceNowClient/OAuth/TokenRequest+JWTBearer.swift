import Platform
import Vocabulary

extension TokenRequest {
  /// The `grant_type` of the JWT bearer grant (RFC 7523).
  public static let jwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

  /// The form of the JWT bearer grant: grant_type, client_id, client_secret, assertion.
  ///
  /// ServiceNow wants the client secret too (SND australia, configure-an-oauth-jwt-bearer-grant);
  /// it is left out only when empty. Secrets in clear: this is the wire form.
  public static func jwtBearerFormFields(
    clientID: String, clientSecret: Secret?, assertion: Secret, scope: String? = nil
  ) -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = [
      ("grant_type", jwtBearerGrantType), ("client_id", clientID),
    ]
    if let clientSecret, !clientSecret.isEmpty {
      fields.append(("client_secret", clientSecret.reveal()))
    }
    fields.append(("assertion", assertion.reveal()))
    if let scope = scope.map({ PlainString.trimmed($0) }), !scope.isEmpty {
      fields.append(("scope", scope))
    }
    return fields
  }

  /// The full POST of the JWT bearer grant to `<instance>/oauth_token.do`.
  public static func jwtBearerURLRequest(
    instance: URL, clientID: String, clientSecret: Secret?, assertion: Secret, scope: String? = nil
  ) -> TransportRequest {
    let fields = jwtBearerFormFields(
      clientID: clientID, clientSecret: clientSecret, assertion: assertion, scope: scope)
    return TransportRequest(
      method: "POST", url: InstanceEndpoints.url(instance, path: "/oauth_token.do"),
      headers: [
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": "application/json",
      ],
      body: Data(utf8Of: FormEncoding.encode(fields)))
  }
}
