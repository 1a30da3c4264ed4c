import Vocabulary

/// A saved profile or a half-finished setup as the welcome screen offers it for picking: no
/// secrets, just enough to recognise it. (The `profiles` listing row is `Profiles.ProfileSummary`.)
public struct ProfileChoice: Equatable, Sendable {
  public var name: String
  /// The instance address as saved, e.g. https://dev12345.service-now.com.
  public var instance: String
  public var authKind: AuthKind?
  /// False for a setup that was quit half way (issue 6); the list offers to resume it.
  public var isComplete: Bool

  public init(name: String, instance: String, authKind: AuthKind? = nil, isComplete: Bool = true) {
    self.name = name
    self.instance = instance
    self.authKind = authKind
    self.isComplete = isComplete
  }
}
