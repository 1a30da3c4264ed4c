import Vocabulary

/// The OAuth client a connection uses: what the Application Registry record gives the admin.
public struct OAuthClient: Equatable, Sendable {
  public var clientID: String
  /// Nil for a public client that proves itself with PKCE instead (authorization code only).
  public var clientSecret: Secret?
  /// Space-separated scopes; empty asks for the client's default scope.
  public var scope: String

  public init(clientID: String, clientSecret: Secret?, scope: String = "") {
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.scope = scope
  }
}
