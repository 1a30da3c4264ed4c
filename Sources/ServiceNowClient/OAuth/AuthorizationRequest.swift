import Platform

/// The browser's entry to the authorization code flow: `GET <instance>/oauth_auth.do?...`.
///
/// `state` is always sent (new instances refuse requests without it, and the loopback listener
/// checks it); the PKCE challenge is sent when a verifier is in use.
public struct AuthorizationRequest: Sendable, Equatable {
  public var clientID: String
  public var redirectURI: String
  public var scope: String?
  public var state: String
  public var codeChallenge: String?

  public init(clientID: String, redirectURI: String, scope: String?, state: String, codeChallenge: String?) {
    self.clientID = clientID
    self.redirectURI = redirectURI
    self.scope = scope
    self.state = state
    self.codeChallenge = codeChallenge
  }

  /// The query fields, in the order they are sent.
  public func queryFields() -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = [
      ("response_type", "code"), ("client_id", clientID), ("redirect_uri", redirectURI),
    ]
    if let scope = scope.map({ PlainString.trimmed($0) }), !scope.isEmpty {
      fields.append(("scope", scope))
    }
    fields.append(("state", state))
    if let codeChallenge {
      fields.append(("code_challenge", codeChallenge))
      fields.append(("code_challenge_method", PKCE.method))
    }
    return fields
  }

  /// The full URL to open in the browser.
  public func url(instance: URL) -> URL {
    var components = URLComponents(
      url: InstanceEndpoints.url(instance, path: "/oauth_auth.do"), resolvingAgainstBaseURL: false)!
    components.percentEncodedQuery = FormEncoding.encode(queryFields())
    return components.url!
  }
}
