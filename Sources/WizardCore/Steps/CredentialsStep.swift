/// The credentials screen's state, for the kinds that sign in without OAuth: Basic's user name
/// and password, an API key, or a client certificate's files and the key's passphrase. Each
/// kind shows its own fields (`AuthKind.credentialFields`).
public struct CredentialsStep: Equatable, Sendable {
  public var username: TextInput
  public var password: SecretInput
  /// The REST API key of the API key kind.
  public var apiKey: SecretInput = SecretInput()
  /// The certificate kind's files: only their paths are saved.
  public var certificateFile = TextInput()
  public var keyFile = TextInput()
  /// The certificate kind's key passphrase, stored like a password.
  public var passphrase = SecretInput()
  public var focus: CredentialsField
  /// Ctrl-R on this screen shows the secret field (password, API key or key passphrase);
  /// leaving the screen hides it again.
  public var isPasswordRevealed: Bool
  public var usernameError: String?
  public var passwordError: String?
  /// Why the API key was refused, after Enter; cleared when it is edited.
  public var apiKeyError: String? = nil
  /// Why a certificate path is missing, after Enter; cleared when it is edited.
  public var certificateError: String? = nil
  public var keyError: String? = nil

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
