extension WizardState {
  /// The client certificate screen: the two files and the key's passphrase.
  func certificateScreen() -> ScreenModel {
    let revealed = certificate.isPassphraseRevealed
    let passphrase = certificate.passphrase
    let certificateField = FieldModel(
      label: "Certificate file", display: DisplayText.sanitised(certificate.certificateFile.text),
      cursor: certificate.certificateFile.cursor, placeholder: "e.g. /home/me/certs/snowgate.pem",
      error: certificate.certificateError)
    let keyField = FieldModel(
      label: "Private key file", display: DisplayText.sanitised(certificate.keyFile.text),
      cursor: certificate.keyFile.cursor, placeholder: "e.g. /home/me/certs/snowgate.key",
      error: certificate.keyError)
    let passphraseField = FieldModel(
      label: "Key passphrase",
      display: revealed
        ? DisplayText.sanitised(passphrase.secret.reveal()) : DisplayText.bullets(passphrase.secret.count),
      cursor: passphrase.cursor, placeholder: "empty for a key without one", isSecret: true,
      isRevealed: revealed,
      note: revealed ? "Shown until you press Ctrl-R or leave this screen." : nil)
    let focus: Int =
      switch certificate.focus {
      case .certificateFile: 0
      case .keyFile: 1
      case .passphrase: 2
      }
    return ScreenModel(
      id: "certificate", title: "Sign in with a client certificate",
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
