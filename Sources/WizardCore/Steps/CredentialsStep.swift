/// The credentials screen's state: Basic's user name and password, or an API key.
public struct CredentialsStep: Equatable, Sendable {
  public var username: TextInput
  public var password: SecretInput
  /// The REST API key of the API key kind.
  public var apiKey: SecretInput = SecretInput()
  public var focus: CredentialsField
  /// Ctrl-R on this screen shows the secret field (password or API key); leaving the screen
  /// hides it again.
  public var isPasswordRevealed: Bool
  public var usernameError: String?
  public var passwordError: String?
  /// Why the API key was refused, after Enter; cleared when it is edited.
  public var apiKeyError: String? = nil

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
