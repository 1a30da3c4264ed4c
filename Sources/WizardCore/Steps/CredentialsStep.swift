/// The Basic credentials screen's state.
public struct CredentialsStep: Equatable, Sendable {
  public var username: TextInput
  public var password: SecretInput
  public var focus: CredentialsField
  /// Ctrl-R on this screen; leaving the screen hides the password again.
  public var isPasswordRevealed: Bool
  public var usernameError: String?
  public var passwordError: String?

  public init(
    username: TextInput = TextInput(), password: SecretInput = SecretInput(),
    focus: CredentialsField = .username,
    isPasswordRevealed: Bool = false, usernameError: String? = nil, passwordError: String? = nil
  ) {
    self.username = username
    self.password = password
    self.focus = focus
    self.isPasswordRevealed = isPasswordRevealed
    self.usernameError = usernameError
    self.passwordError = passwordError
  }
}
