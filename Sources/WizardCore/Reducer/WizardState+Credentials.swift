import Vocabulary

extension WizardState {
  static let usernameMissing = "Type the user name the connection signs in as, e.g. admin."
  static let passwordMissing = "Type the password of that user."
  static let apiKeyMissing =
    "Paste the API key from its REST API Key record on the instance (F1 shows where)."

  /// The fields of the credentials screen for the chosen kind (Basic's unless an API key).
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
      return fields == [.apiKey] ? submitAPIKey() : submitCredentials()
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
    }
    hasUnsavedChanges = true
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
