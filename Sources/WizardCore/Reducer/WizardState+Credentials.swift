import Vocabulary

extension WizardState {
  static let usernameMissing = "Type the user name the connection signs in as, e.g. admin."
  static let passwordMissing = "Type the password of that user."
  static let apiKeyMissing =
    "Paste the API key from its REST API Key record on the instance (F1 shows where)."
  static let certificateFileMissing =
    "Type the path of the client certificate (PEM), e.g. ~/certs/snowgate.pem."
  static let keyFileMissing = "Type the path of its private key (PEM), e.g. ~/certs/snowgate.key."

  /// The fields of the credentials screen for the chosen kind (Basic's unless an API key or a
  /// certificate).
  var credentialFields: [CredentialsField] {
    let fields = (authType.selected ?? .basic).credentialFields
    return fields.isEmpty ? AuthKind.basic.credentialFields : fields
  }

  mutating func credentialsKey(_ key: Key) -> [WizardEffect] {
    let fields = credentialFields
    if !fields.contains(credentials.focus) { credentials.focus = fields[0] }
    switch key {
    case .tab, .down:
      credentials.focus = Self.step(fields, from: credentials.focus, by: 1)
      return []
    case .backTab, .up:
      credentials.focus = Self.step(fields, from: credentials.focus, by: -1)
      return []
    case .toggleReveal:
      credentials.isPasswordRevealed.toggle()
      return []
    case .escape:
      go(to: .authType)
      return []
    case .enter:
      switch authType.selected {
      case .apiKey: return submitAPIKey()
      case .certificate: return submitCertificate()
      default: return submitCredentials()
      }
    default:
      break
    }
    switch credentials.focus {
    case .apiKey:
      guard Self.edit(&credentials.apiKey, key) else { return [] }
      credentials.apiKeyError = nil
    case .username:
      let before = credentials.username.text
      guard credentials.username.apply(key), credentials.username.text != before else { return [] }
      credentials.usernameError = nil
    case .password:
      let before = credentials.password.secret
      guard credentials.password.apply(key), credentials.password.secret != before else { return [] }
      credentials.passwordError = nil
    case .certificateFile:
      let before = credentials.certificateFile.text
      guard credentials.certificateFile.apply(key), credentials.certificateFile.text != before else {
        return []
      }
      credentials.certificateError = nil
    case .keyFile:
      let before = credentials.keyFile.text
      guard credentials.keyFile.apply(key), credentials.keyFile.text != before else { return [] }
      credentials.keyError = nil
    case .passphrase:
      let before = credentials.passphrase.secret
      guard credentials.passphrase.apply(key), credentials.passphrase.secret != before else { return [] }
    }
    hasUnsavedChanges = true
    return []
  }

  /// Enter on a certificate: from the certificate to an empty key field; otherwise check both
  /// paths (the passphrase may stay empty) and go to the test, which checks the files themselves.
  private mutating func submitCertificate() -> [WizardEffect] {
    let certificateMissing = credentials.certificateFile.text.isEmpty
    let keyMissing = credentials.keyFile.text.isEmpty
    if credentials.focus == .certificateFile, !certificateMissing, keyMissing {
      credentials.focus = .keyFile
      return []
    }
    credentials.certificateError = certificateMissing ? Self.certificateFileMissing : nil
    credentials.keyError = keyMissing ? Self.keyFileMissing : nil
    if certificateMissing {
      credentials.focus = .certificateFile
      return []
    }
    if keyMissing {
      credentials.focus = .keyFile
      return []
    }
    enterTest()
    return []
  }

  /// Enter: on the user name with the password still empty, move on to the password; otherwise
  /// check both fields and go to the test screen.
  private mutating func submitCredentials() -> [WizardEffect] {
    let usernameMissing = credentials.username.text.isEmpty
    let passwordMissing = credentials.password.secret.isEmpty
    if credentials.focus == .username && !usernameMissing && passwordMissing {
      credentials.focus = .password
      return []
    }
    credentials.usernameError = usernameMissing ? Self.usernameMissing : nil
    credentials.passwordError = passwordMissing ? Self.passwordMissing : nil
    if usernameMissing {
      credentials.focus = .username
      return []
    }
    if passwordMissing {
      credentials.focus = .password
      return []
    }
    enterTest()
    return []
  }

  /// Enter on the API key: check that one was typed and go to the test screen.
  private mutating func submitAPIKey() -> [WizardEffect] {
    guard !credentials.apiKey.secret.reveal().trimmingSpaces.isEmpty else {
      credentials.apiKeyError = Self.apiKeyMissing
      return []
    }
    credentials.apiKeyError = nil
    enterTest()
    return []
  }

  /// Shows the test screen; a result made with other input than the current one is dropped.
  mutating func enterTest() {
    switch test.status {
    case .passed(let draft, _), .failed(let draft, _), .testing(let draft):
      if draft != connectionDraft { test = TestStep() }
    case .idle:
      break
    }
    go(to: .test)
  }
}
