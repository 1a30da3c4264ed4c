extension WizardState {
  /// The certificate kind's credentials: the two files and the key's passphrase.
  func certificateScreen() -> ScreenModel {
    let revealed = credentials.isPasswordRevealed
    let passphrase = credentials.passphrase
    let certificateField = FieldModel(
      label: "Certificate file", display: DisplayText.sanitised(credentials.certificateFile.text),
      cursor: credentials.certificateFile.cursor, placeholder: "e.g. /home/me/certs/snowgate.pem",
      error: credentials.certificateError)
    let keyField = FieldModel(
      label: "Private key file", display: DisplayText.sanitised(credentials.keyFile.text),
      cursor: credentials.keyFile.cursor, placeholder: "e.g. /home/me/certs/snowgate.key",
      error: credentials.keyError)
    let passphraseField = FieldModel(
      label: "Key passphrase",
      display: revealed
        ? DisplayText.sanitised(passphrase.secret.reveal()) : DisplayText.bullets(passphrase.secret.count),
      cursor: passphrase.cursor, placeholder: "empty for a key without one", isSecret: true,
      isRevealed: revealed,
      note: revealed ? "Shown until you press Ctrl-R or leave this screen." : nil)
    let focus: Int =
      switch credentials.focus {
      case .keyFile: 1
      case .passphrase: 2
      default: 0
      }
    return ScreenModel(
      id: "credentials-certificate", title: "Sign in with a client certificate",
      intro: [
        "snowgate presents this certificate in every TLS handshake; the instance acts as the user "
          + "it is mapped to. Only the paths are saved. F1 shows the setup on the instance."
      ],
      items: [.field(certificateField), .field(keyField), .field(passphraseField)],
      focus: focus,
      hints: [
        KeyHint("Tab", "Next"), KeyHint("Ctrl-R", revealed ? "Hide" : "Show"), KeyHint("Enter", "Continue"),
        Hints.back, Hints.help,
      ])
  }
}
