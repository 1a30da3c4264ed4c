import Platform

/// A running browser sign-in, as the runtime reported it in `.authorizationStarted`.
public struct AuthorizationSession: Equatable, Sendable {
  /// The full `/oauth_auth.do?…` address, shown so it can be opened by hand.
  public var authorizeURL: URL
  /// e.g. 127.0.0.1:8484.
  public var listeningOn: String
  public var timeoutSeconds: Int

  public init(authorizeURL: URL, listeningOn: String, timeoutSeconds: Int) {
    self.authorizeURL = authorizeURL
    self.listeningOn = listeningOn
    self.timeoutSeconds = timeoutSeconds
  }
}
