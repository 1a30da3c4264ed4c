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
      guard Self.edit(&credentials.username, key) else { return [] }
      credentials.usernameError = nil
    case .password:
      guard Self.edit(&credentials.password, key) else { return [] }
      credentials.passwordError = nil
    case .certificateFile:
      guard Self.edit(&credentials.certificateFile, key) else { return [] }
      credentials.certificateError = nil
    case .keyFile:
      guard Self.edit(&credentials.keyFile, key) else { return [] }
      credentials.keyError = nil
    case .passphrase:
      guard Self.edit(&credentials.passphrase, key) else { return [] }
    }
    hasUnsavedChanges = true
    return []
  }

  /// Enter on a certificate: from the certificate to an empty key field; otherwise check both
  /// paths (the passphrase may stay empty) and go to the test, which checks the files themselves.
  private mutating func submitCertificate() -> [WizardEffect] {
    submitPair(
      .certificateFile, .keyFile,
      missing: (credentials.certificateFile.text.isEmpty, credentials.keyFile.text.isEmpty)
    ) { step, missing in
      step.certificateError = missing.0 ? Self.certificateFileMissing : nil
      step.keyError = missing.1 ? Self.keyFileMissing : nil
    }
  }

  /// Enter: on the user name with the password still empty, move on to the password; otherwise
  /// check both fields and go to the test screen.
  private mutating func submitCredentials() -> [WizardEffect] {
    submitPair(
      .username, .password, missing: (credentials.username.text.isEmpty, credentials.password.secret.isEmpty)
    ) { step, missing in
      step.usernameError = missing.0 ? Self.usernameMissing : nil
      step.passwordError = missing.1 ? Self.passwordMissing : nil
    }
  }

  /// Enter on a screen of two required fields: from a filled first field to an empty second
  /// one (no mistake yet); otherwise `mark` says what is missing, and the focus goes to the
  /// first missing field, or on to the test when both are there.
  private mutating func submitPair(
    _ first: CredentialsField, _ second: CredentialsField, missing: (Bool, Bool),
    mark: (inout CredentialsStep, (Bool, Bool)) -> Void
  ) -> [WizardEffect] {
    if credentials.focus == first, !missing.0, missing.1 {
      credentials.focus = second
      return []
    }
    mark(&credentials, missing)
    if missing.0 || missing.1 {
      credentials.focus = missing.0 ? first : second
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
