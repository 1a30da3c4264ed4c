import Platform
import Vocabulary

/// What the token screen asks the runtime to send to `<instance>/oauth_token.do`.
public struct TokenRequestDraft: Equatable, Sendable {
  /// The base address, e.g. https://dev12345.service-now.com.
  public var instanceURL: URL
  public var grant: OAuthGrant
  public var clientID: String
  /// Nil for a public client (PKCE).
  public var clientSecret: Secret?
  /// Empty for the client's default scope.
  public var scope: String

  public init(
    instanceURL: URL, grant: OAuthGrant, clientID: String, clientSecret: Secret?, scope: String = ""
  ) {
    self.instanceURL = instanceURL
    self.grant = grant
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.scope = scope
  }

  /// `<instance>/oauth_token.do`, where the request goes.
  public var endpoint: URL { instanceURL.appendingPathComponent("oauth_token.do") }
}
