/// The client certificate screen's state: the certificate and key files, and the passphrase of
/// an encrypted key (empty for a plain one).
public struct CertificateStep: Equatable, Sendable {
  public var certificateFile: TextInput
  public var keyFile: TextInput
  public var passphrase: SecretInput
  public var focus: CertificateField
  /// Ctrl-R on this screen; leaving the screen hides the passphrase again.
  public var isPassphraseRevealed: Bool
  public var certificateError: String?
  public var keyError: String?

  public init(
    certificateFile: TextInput = TextInput(), keyFile: TextInput = TextInput(),
    passphrase: SecretInput = SecretInput(), focus: CertificateField = .certificateFile,
    isPassphraseRevealed: Bool = false, certificateError: String? = nil, keyError: String? = nil
  ) {
    self.certificateFile = certificateFile
    self.keyFile = keyFile
    self.passphrase = passphrase
    self.focus = focus
    self.isPassphraseRevealed = isPassphraseRevealed
    self.certificateError = certificateError
    self.keyError = keyError
  }
}
