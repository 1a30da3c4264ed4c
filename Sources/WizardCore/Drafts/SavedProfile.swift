/// A saved (or half-finished) profile loaded for editing, with its secrets.
///
/// The runtime answers `.loadProfile(name:)` with this; fields a half-finished setup never
/// reached are empty.
public struct SavedProfile: Equatable, Sendable {
  public var name: String
  /// As saved; goes through the normaliser again like typed text.
  public var instance: String
  public var authKind: AuthKind?
  public var username: String
  public var password: SecretText

  public init(
    name: String, instance: String, authKind: AuthKind? = nil, username: String = "",
    password: SecretText = .empty
  ) {
    self.name = name
    self.instance = instance
    self.authKind = authKind
    self.username = username
    self.password = password
  }
}
