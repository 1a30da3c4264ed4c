import Platform
import Vocabulary

/// The `oauth_entity` record the wizard offers to create, exactly as the review shows it.
///
/// Field names are SERVICENOW.md's ("What an admin sets up") and the simulator's; `user` is the
/// OAuth Application User of a client-credentials client. The client ID and secret are not
/// here: they are made by the runtime only after the yes, so no secret sits in the state before.
public struct OAuthClientRecord: Equatable, Sendable {
  /// ServiceNow's defaults for a new OAuth API endpoint: 30 minutes and 100 days.
  public static let defaultAccessLifespan = 1800
  public static let defaultRefreshLifespan = 8_640_000

  public var name: String
  /// The grant the client is for.
  public var kind: AuthKind
  /// The browser flow's redirect URL; nil for the grants without a browser step.
  public var redirectURL: String?
  /// Always false: snowgate generates a secret, so the client is confidential.
  public var publicClient: Bool
  public var accessTokenLifespan: Int
  public var refreshTokenLifespan: Int
  /// Client credentials only: the user the tokens act as (a user name).
  public var applicationUser: String?

  public init(
    name: String, kind: AuthKind, redirectURL: String? = nil, publicClient: Bool = false,
    accessTokenLifespan: Int = defaultAccessLifespan, refreshTokenLifespan: Int = defaultRefreshLifespan,
    applicationUser: String? = nil
  ) {
    self.name = name
    self.kind = kind
    self.redirectURL = redirectURL
    self.publicClient = publicClient
    self.accessTokenLifespan = accessTokenLifespan
    self.refreshTokenLifespan = refreshTokenLifespan
    self.applicationUser = applicationUser
  }
}
