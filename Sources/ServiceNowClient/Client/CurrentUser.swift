/// The ServiceNow user a set of credentials or a token acts as, read from its sys_user record.
///
/// Shown after every sign-in (the wizard, `check`, `setup --no-input`), so a token that belongs
/// to someone else (a loopback sign-in finished in another person's browser) is seen at once.
public struct CurrentUser: Sendable, Equatable, CustomStringConvertible {
  /// `user_name`, the sign-in name.
  public var userName: String
  /// `name`, the display name; may be empty.
  public var name: String

  public init(userName: String, name: String) {
    self.userName = userName
    self.name = name
  }

  /// "admin (System Administrator)", or the user name alone.
  public var description: String {
    name.isEmpty || name == userName ? userName : "\(userName) (\(name))"
  }
}
