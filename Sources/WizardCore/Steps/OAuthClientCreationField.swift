/// What has the focus on the create-client screen.
public enum OAuthClientCreationField: Equatable, Hashable, Sendable {
  /// The list of admin sign-ins (typed, or a saved connection of the same instance).
  case admins
  case username
  case password
  /// The review's OAuth Application User (client credentials).
  case applicationUser
  /// The record's name in the Application Registry (empty: the one snowgate proposes).
  case recordName
  /// The access and refresh token lifespans in seconds (empty: ServiceNow's defaults).
  case accessLifespan
  case refreshLifespan
}
