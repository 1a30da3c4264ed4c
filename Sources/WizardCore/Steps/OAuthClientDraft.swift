import Vocabulary

/// The OAuth input of the client screen for one kind: what tokens were made with.
///
/// The token screen keeps the draft its tokens came from; when the client screen changes it,
/// the tokens are stale and forgotten, as a test result is when its draft changes.
public struct OAuthClientDraft: Equatable, Sendable {
  public var kind: AuthKind
  public var client: OAuthClient
  public var username: String
  public var password: Secret
  public var refreshToken: Secret
  public var redirectURI: String
  /// JWT bearer: the key file as typed and the Key ID; the subject is `username`.
  public var jwtKeyFile: String = ""
  public var jwtKeyID: String = ""

  public init(
    kind: AuthKind, client: OAuthClient, username: String = "", password: Secret = .empty,
    refreshToken: Secret = .empty, redirectURI: String = "", jwtKeyFile: String = "", jwtKeyID: String = ""
  ) {
    self.jwtKeyFile = jwtKeyFile
    self.jwtKeyID = jwtKeyID
    self.kind = kind
    self.client = client
    self.username = username
    self.password = password
    self.refreshToken = refreshToken
    self.redirectURI = redirectURI
  }
}
