/// A secret typed into the wizard (a password today, client secrets and tokens later).
///
/// The value is reachable only through `revealed`, so that string interpolation, `print`,
/// `dump` and test failure messages of a whole `WizardState` show a mask instead of the secret.
public struct SecretText: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The secret itself. Read it only to send it to the instance or to the secret store.
  public var revealed: String

  public init(_ value: String) {
    self.revealed = value
  }

  /// An empty secret.
  public static let empty = SecretText("")

  public var isEmpty: Bool { revealed.isEmpty }

  /// The number of characters, which the password field shows as bullets.
  public var count: Int { revealed.count }

  public var description: String { "<secret>" }
  public var debugDescription: String { "SecretText(<masked>)" }
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
