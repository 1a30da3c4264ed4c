import Vocabulary

extension WizardState {
  /// Shows the token screen. Tokens made from other client input are forgotten; a failure is
  /// dropped so the screen offers Generate again.
  mutating func enterToken() {
    if token.source != oauthClientDraft { token = TokenStep() }
    if case .failed = token.status { token = TokenStep() }
    if case .failed = authorization.status { authorization = AuthorizationStep() }
    go(to: .token)
  }

  mutating func tokenKey(_ key: Key) -> [WizardEffect] {
    switch token.status {
    case .idle:
      switch key {
      case .enter: return generateToken()
      case .escape: go(to: .oauthClient)
      default: break
      }
    case .requesting:
      if key == .escape { return cancelActivity() }
    case .received:
      switch key {
      case .enter: enterTest()
      case .character("r"), .character("R"):
        // Reset: forget the tokens; Generate asks for new ones.
        token = TokenStep()
      case .escape: go(to: .oauthClient)
      default: break
      }
    case .failed:
      switch key {
      case .enter, .escape: go(to: .oauthClient)
      default: break
      }
    }
    return []
  }

  /// Generate: a token request, or, for the browser flow, the start of the sign-in.
  mutating func generateToken() -> [WizardEffect] {
    guard case .success(let address) = instance.normalised else {
      go(to: .instance)
      return []
    }
    let draft = oauthClientDraft
    let client = draft.client
    let grant: OAuthGrant
    switch draft.kind {
    case .oauthAuthorizationCode:
      let request = AuthorizationDraft(
        instanceURL: address.url, clientID: client.clientID, clientSecret: client.clientSecret,
        redirectURI: draft.redirectURI, scope: client.scope)
      token = TokenStep(source: draft)
      authorization = AuthorizationStep(status: .starting(request))
      begin(.authorization)
      go(to: .authorization)
      return [.startAuthorization(request)]
    case .jwtBearer:
      token = TokenStep(status: .requesting, source: draft)
      begin(.token)
      return [
        .requestJWTToken(
          JWTTokenRequestDraft(
            instanceURL: address.url, clientID: client.clientID, clientSecret: client.clientSecret,
            scope: client.scope, subject: draft.username, keyFile: draft.jwtKeyFile,
            keyID: draft.jwtKeyID))
      ]
    case .basic, .oauthPassword, .oauthRefreshToken, .oauthClientCredentials, .apiKey, .certificate:
      // Basic, API keys and certificates never reach the token screen; if they did, it would try
      // the password grant.
      let kind = draft.kind.isOAuth ? draft.kind : AuthKind.oauthPassword
      switch OAuthGrant.unattended(
        kind: kind, username: draft.username, password: draft.password, refreshToken: draft.refreshToken)
      {
      case .success(let unattended):
        grant = unattended
      case .failure:
        // Only an empty user name: the client step asks for it again.
        go(to: .oauthClient)
        return []
      }
    }
    token = TokenStep(status: .requesting, source: draft)
    begin(.token)
    return [
      .requestToken(
        TokenRequestDraft(
          instanceURL: address.url, grant: grant, clientID: client.clientID,
          clientSecret: client.clientSecret, scope: client.scope))
    ]
  }

  /// The codes of a JWT signing key that cannot be used (missing, unreadable, not RSA, …).
  static let jwtKeyProblemPrefix = "jwt.key_"

  mutating func tokenFinished(_ outcome: TokenOutcome) -> [WizardEffect] {
    let fromBrowser: Bool
    switch (activity?.kind, authorization.status) {
    case (.token, .idle):
      guard token.status == .requesting else { return [] }
      fromBrowser = false
    case (.token, .exchanging), (.authorization, .waiting):
      fromBrowser = true
    default:
      return []
    }
    activity = nil
    authorization = AuthorizationStep()
    switch outcome {
    case .received(var tokens):
      // A client snowgate created has a known refresh lifespan: kept with the tokens, so the
      // saved profile (and `profiles`) know when a new sign-in is due.
      if tokens.hasRefreshToken, tokens.refreshTokenExpiresAt == nil {
        tokens.refreshTokenExpiresAt = refreshTokenExpiry(tokens)
      }
      token.status = .received(tokens)
    case .failed(let verdict):
      token.status = .failed(verdict)
      if verdict.code.hasPrefix(Self.jwtKeyProblemPrefix), oauthClientDraft.kind == .jwtBearer {
        // The key file is the field to fix: "Fix the client" lands on it, with the reason.
        oauthClient.errors[.jwtKeyFile] = verdict.summary
        oauthClient.focus = .jwtKeyFile
      }
    }
    token.receivedAtTick = nil
    token.secondsSinceReceipt = 0
    if fromBrowser { go(to: .token) }
    return []
  }
}
