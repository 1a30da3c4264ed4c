extension WizardState {
  static let certificateFileMissing =
    "Type the path of the client certificate (PEM), e.g. ~/certs/snowgate.pem."
  static let keyFileMissing = "Type the path of its private key (PEM), e.g. ~/certs/snowgate.key."

  /// Keys on the client certificate screen: Tab/↑/↓ move, Ctrl-R shows the passphrase, Enter
  /// moves on from a filled field or, on the last one, goes to the test.
  mutating func certificateKey(_ key: Key) -> [WizardEffect] {
    let fields = CertificateField.allCases
    switch key {
    case .tab, .down:
      certificate.focus = Self.step(fields, from: certificate.focus, by: 1)
      return []
    case .backTab, .up:
      certificate.focus = Self.step(fields, from: certificate.focus, by: -1)
      return []
    case .toggleReveal:
      certificate.isPassphraseRevealed.toggle()
      return []
    case .escape:
      go(to: .authType)
      return []
    case .enter:
      return submitCertificate()
    default:
      break
    }
    switch certificate.focus {
    case .certificateFile:
      let before = certificate.certificateFile.text
      guard certificate.certificateFile.apply(key), certificate.certificateFile.text != before else {
        return []
      }
      certificate.certificateError = nil
    case .keyFile:
      let before = certificate.keyFile.text
      guard certificate.keyFile.apply(key), certificate.keyFile.text != before else { return [] }
      certificate.keyError = nil
    case .passphrase:
      let before = certificate.passphrase.secret
      guard certificate.passphrase.apply(key), certificate.passphrase.secret != before else { return [] }
    }
    hasUnsavedChanges = true
    return []
  }

  /// Enter: from the certificate to an empty key field; otherwise check both paths (the
  /// passphrase may stay empty) and go to the test, which checks the files themselves.
  private mutating func submitCertificate() -> [WizardEffect] {
    let certificateMissing = certificate.certificateFile.text.isEmpty
    let keyMissing = certificate.keyFile.text.isEmpty
    if certificate.focus == .certificateFile, !certificateMissing, keyMissing {
      certificate.focus = .keyFile
      return []
    }
    certificate.certificateError = certificateMissing ? Self.certificateFileMissing : nil
    certificate.keyError = keyMissing ? Self.keyFileMissing : nil
    if certificateMissing {
      certificate.focus = .certificateFile
      return []
    }
    if keyMissing {
      certificate.focus = .keyFile
      return []
    }
    enterTest()
    return []
  }
}
