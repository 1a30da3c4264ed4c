import Vocabulary

/// A saved profile as the welcome screen lists it: no secrets, just enough to recognise it.
public struct ProfileSummary: Equatable, Sendable {
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
