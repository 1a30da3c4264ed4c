import Platform
import Vocabulary

extension WizardState {
  static let clientIDMissing = "Type the Client ID from the OAuth application record."
  static let clientSecretMissing = "Type the Client Secret (unlock it on the application record)."
  static let oauthUsernameMissing = "Type the user name the tokens are issued to, e.g. admin."
  static let oauthPasswordMissing = "Type the password of that user."
  static let refreshTokenMissing = "Paste the refresh token you were given."
  static let redirectURIMissing = "Type the redirect URI, e.g. \(OAuthClientStep.defaultRedirectURI)."
  static let jwtKeyFileMissing =
    "Type the path of the private key file (PEM) that signs the assertion, e.g. ~/.snowgate/jwt.pem."
  static let jwtKeyIDMissing = "Type the Key ID (kid) of the JWT verifier map entry on the instance."
  static let jwtSubjectMissing = "Type the user the tokens act as (the sub claim), e.g. integration.user."
  static let redirectURINotLoopback =
    "Use http://127.0.0.1:PORT/PATH (or localhost); snowgate listens there."

  mutating func oauthClientKey(_ key: Key) -> [WizardEffect] {
    let kind = authType.selected ?? .oauthPassword
    let fields = kind.clientFields
    let stops = fields + (kind.canCreateClient ? [.createClient] : [])
    switch key {
    case .tab, .down:
      oauthClient.focus = Self.step(stops, from: oauthClient.focus, by: 1)
      return []
    case .backTab, .up:
      oauthClient.focus = Self.step(stops, from: oauthClient.focus, by: -1)
      return []
    case .enter where oauthClient.focus == .createClient:
      openOAuthClientCreation()
      return []
    case .toggleReveal:
      let focus = oauthClient.focus
      if focus.isSecret { oauthClient.revealed = oauthClient.revealed == focus ? nil : focus }
      return []
    case .escape:
      go(to: .authType)
      return []
    case .enter:
      return submitOAuthClient(fields)
    default:
      break
    }
    let changed: Bool
    switch oauthClient.focus {
    case .clientID: changed = Self.edit(&oauthClient.clientID, key)
    case .clientSecret: changed = Self.edit(&oauthClient.clientSecret, key)
    case .username: changed = Self.edit(&oauthClient.username, key)
    case .password: changed = Self.edit(&oauthClient.password, key)
    case .refreshToken: changed = Self.edit(&oauthClient.refreshToken, key)
    case .redirectURI: changed = Self.edit(&oauthClient.redirectURI, key)
    case .jwtKeyFile: changed = Self.edit(&oauthClient.jwtKeyFile, key)
    case .jwtKeyID: changed = Self.edit(&oauthClient.jwtKeyID, key)
    case .scope: changed = Self.edit(&oauthClient.scope, key)
    case .createClient: changed = false
    }
    guard changed else { return [] }
    oauthClient.errors[oauthClient.focus] = nil
    hasUnsavedChanges = true
    return []
  }

  /// Applies an editing key; true when the text changed.
  static func edit(_ input: inout TextInput, _ key: Key) -> Bool {
    let before = input.text
    return input.apply(key) && input.text != before
  }

  /// Applies an editing key to a secret; true when the secret changed.
  static func edit(_ input: inout SecretInput, _ key: Key) -> Bool {
    let before = input.secret
    return input.apply(key) && input.secret != before
  }

  /// Why a field of the client screen cannot be used, or nil.
  func oauthClientProblem(_ field: OAuthClientField, kind: AuthKind) -> String? {
    switch field {
    case .clientID:
      return oauthClient.clientID.text.isEmpty ? Self.clientIDMissing : nil
    case .clientSecret:
      // A public client proves itself with PKCE instead of a secret (browser flow only).
      if kind == .oauthAuthorizationCode { return nil }
      return oauthClient.clientSecret.secret.isEmpty ? Self.clientSecretMissing : nil
    case .username:
      guard oauthClient.username.text.isEmpty else { return nil }
      return kind == .jwtBearer ? Self.jwtSubjectMissing : Self.oauthUsernameMissing
    case .password:
      return oauthClient.password.secret.isEmpty ? Self.oauthPasswordMissing : nil
    case .refreshToken:
      return oauthClient.refreshToken.secret.isEmpty ? Self.refreshTokenMissing : nil
    case .redirectURI:
      let text = oauthClient.redirectURI.text
      if text.isEmpty { return Self.redirectURIMissing }
      return Self.isLoopbackRedirect(text) ? nil : Self.redirectURINotLoopback
    case .jwtKeyFile:
      // Whether the file exists and holds a key only the runtime can tell: generating the
      // token says so on this field (`tokenFinished`).
      return oauthClient.jwtKeyFile.text.trimmingSpaces.isEmpty ? Self.jwtKeyFileMissing : nil
    case .jwtKeyID:
      return oauthClient.jwtKeyID.text.trimmingSpaces.isEmpty ? Self.jwtKeyIDMissing : nil
    case .scope, .createClient:
      return nil
    }
  }

  /// http on 127.0.0.1 or localhost with a port: where the runtime can listen (IPv4 only).
  static func isLoopbackRedirect(_ text: String) -> Bool {
    guard let url = URL(string: text), url.scheme == "http", url.port != nil, let host = url.host else {
      return false
    }
    return host == "127.0.0.1" || host == "localhost"
  }

  /// Enter: on a usable field with a later one still to fill, move on to it; otherwise check
  /// every field and go to the token screen.
  private mutating func submitOAuthClient(_ fields: [OAuthClientField]) -> [WizardEffect] {
    let kind = authType.selected ?? .oauthPassword
    var problems: [OAuthClientField: String] = [:]
    for field in fields {
      if let problem = oauthClientProblem(field, kind: kind) { problems[field] = problem }
    }
    if problems.isEmpty {
      oauthClient.errors = [:]
      enterToken()
      return []
    }
    let current = fields.firstIndex(of: oauthClient.focus) ?? 0
    if problems[oauthClient.focus] == nil,
      let next = fields[(current + 1)...].first(where: { problems[$0] != nil })
    {
      oauthClient.focus = next
      return []
    }
    oauthClient.errors = problems
    oauthClient.focus = fields.first { problems[$0] != nil } ?? oauthClient.focus
    return []
  }
}
