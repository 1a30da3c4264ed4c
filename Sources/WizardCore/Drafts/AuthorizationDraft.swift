import Platform
import Vocabulary

/// What the browser flow needs to start: the runtime adds the PKCE verifier and the state.
public struct AuthorizationDraft: Equatable, Sendable {
  /// The base address; the browser goes to `<instance>/oauth_auth.do`.
  public var instanceURL: URL
  public var clientID: String
  /// Nil for a public client; the code exchange then sends only the PKCE verifier.
  public var clientSecret: Secret?
  /// Where the runtime listens, e.g. http://127.0.0.1:8484/callback.
  public var redirectURI: String
  public var scope: String

  public init(
    instanceURL: URL, clientID: String, clientSecret: Secret?, redirectURI: String, scope: String = ""
  ) {
    self.instanceURL = instanceURL
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.redirectURI = redirectURI
    self.scope = scope
  }
}
