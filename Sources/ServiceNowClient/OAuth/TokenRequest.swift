import Platform
import Vocabulary

/// One call to the token endpoint, as a value: the wizard builds it, the client sends it.
///
/// The client id and secret go in the form body (ServiceNow's documented place, KB0778194),
/// never in the query string, which the instance refuses and servers log.
public struct TokenRequest: Sendable, Equatable {
  public var clientID: String
  /// Empty or nil for a public client that proves itself with PKCE instead.
  public var clientSecret: Secret?
  public var grant: OAuthGrant
  /// Sent only when not empty: ServiceNow's default scope is what most setups expect.
  public var scope: String?

  public init(clientID: String, clientSecret: Secret?, grant: OAuthGrant, scope: String? = nil) {
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.grant = grant
    self.scope = scope
  }

  /// The form fields in the order they are sent (secrets in clear: this is the wire form).
  public func formFields() -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = [("grant_type", grant.grantType)]
    switch grant {
    case .password(let username, let password):
      fields.append(("username", username))
      fields.append(("password", password.reveal()))
    case .refreshToken(let token):
      fields.append(("refresh_token", token.reveal()))
    case .authorizationCode(let code, let redirectURI, let verifier):
      fields.append(("code", code.reveal()))
      fields.append(("redirect_uri", redirectURI))
      if let verifier {
        fields.append(("code_verifier", verifier.reveal()))
      }
    case .clientCredentials:
      break
    case .jwtBearer(let assertion):
      return Self.jwtBearerFormFields(
        clientID: clientID, clientSecret: clientSecret, assertion: assertion, scope: scope)
    }
    fields.append(("client_id", clientID))
    if let clientSecret, !clientSecret.isEmpty {
      fields.append(("client_secret", clientSecret.reveal()))
    }
    if let scope = scope.map({ PlainString.trimmed($0) }), !scope.isEmpty {
      fields.append(("scope", scope))
    }
    return fields
  }

  /// The encoded body, `application/x-www-form-urlencoded`.
  public func formBody() -> Data {
    Data(utf8Of: FormEncoding.encode(formFields()))
  }

  /// The full POST to `<instance>/oauth_token.do`.
  public func urlRequest(instance: URL) -> TransportRequest {
    TransportRequest(
      method: "POST", url: InstanceEndpoints.url(instance, path: "/oauth_token.do"),
      headers: [
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": "application/json",
      ],
      body: formBody())
  }
}
