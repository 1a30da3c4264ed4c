import Vocabulary

/// What the done screen reports.
public struct DoneStep: Equatable, Sendable {
  public var profileName: String
  /// Where it was saved, as the runtime said.
  public var location: String
  public var authKind: AuthKind

  public init(profileName: String, location: String, authKind: AuthKind) {
    self.profileName = profileName
    self.location = location
    self.authKind = authKind
  }
}
