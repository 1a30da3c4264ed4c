import Platform
import Vocabulary

/// What the runtime needs to check an admin's access or create the OAuth client: the instance,
/// who signs in, the record, and whether to switch the client-credentials property on.
public struct OAuthClientCreation: Equatable, Sendable {
  public var instanceURL: URL
  public var apiVersion: String?
  public var admin: AdminSignIn
  public var record: OAuthClientRecord
  /// Set `glide.oauth.inbound.client.credential.grant_type.enabled` to true as well.
  public var enableClientCredentials: Bool

  public init(
    instanceURL: URL, apiVersion: String?, admin: AdminSignIn, record: OAuthClientRecord,
    enableClientCredentials: Bool = false
  ) {
    self.instanceURL = instanceURL
    self.apiVersion = apiVersion
    self.admin = admin
    self.record = record
    self.enableClientCredentials = enableClientCredentials
  }
}
