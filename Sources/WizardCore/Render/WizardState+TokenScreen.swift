import Platform
import Vocabulary

extension WizardState {
  func tokenScreen() -> ScreenModel {
    let draft = oauthClientDraft
    let client = draft.client
    var address = "?"
    var host = "the instance"
    if case .success(let instance) = instance.normalised {
      address = instance.address
      host = instance.host
    }
    let isBrowser = draft.kind == .oauthAuthorizationCode
    var items: [ScreenItem] = []
    if isBrowser { items.append(.text("Sign-in   " + address + "/oauth_auth.do, in a browser", .normal)) }
    items.append(.text("Endpoint  " + address + "/oauth_token.do", .normal))
    var grant = "Grant     " + (draft.kind.grantType ?? "")
    switch draft.kind {
    case .oauthPassword: grant += ", as " + DisplayText.sanitised(draft.username)
    case .oauthAuthorizationCode: grant += ", PKCE (S256)"
    default: break
    }
    items.append(.text(grant, .normal))
    if draft.kind == .jwtBearer {
      items.append(
        .text(
          "Assertion RS256, sub " + DisplayText.sanitised(draft.username) + ", kid "
            + DisplayText.sanitised(draft.jwtKeyID) + ", 5 minutes", .normal))
      items.append(
        .text("Key file  " + DisplayText.sanitised(draft.jwtKeyFile) + " (openssl signs)", .normal))
    }
    items.append(.text("Client ID " + DisplayText.sanitised(client.clientID), .normal))
    if isBrowser { items.append(.text("Redirect  " + DisplayText.sanitised(draft.redirectURI), .normal)) }
    items.append(
      .text("Scope     " + (client.scope.isEmpty ? "(the client's default)" : client.scope), .normal))
    items.append(.text("Secrets   " + maskedSecrets(draft), .dim))
    var focus: Int?
    var messages: [ScreenMessage] = []
    var progress: ScreenProgress?
    var hints: [KeyHint]
    if let created = oauthClientCreation.createdNote, oauthClientCreation.createdClientID == client.clientID,
      token.status == .idle
    {
      messages.append(ScreenMessage(kind: .success, title: created))
    }
    switch token.status {
    case .idle:
      focus = items.count
      items.append(.action(ActionModel(label: isBrowser ? "Sign in in the browser" : "Generate token")))
      hints = [KeyHint("Enter", "Generate"), Hints.back, Hints.help, Hints.quit]
    case .requesting:
      progress = ScreenProgress(label: "Asking \(host) for a token…")
      hints = [Hints.cancel, Hints.quit]
    case .received(let tokens):
      messages.append(receivedMessage(tokens, kind: draft.kind))
      focus = items.count
      items.append(.action(ActionModel(label: "Test the connection")))
      hints = [KeyHint("Enter", "Test"), KeyHint("r", "Reset"), Hints.back, Hints.help, Hints.quit]
    case .failed(let verdict):
      messages.append(Self.tokenFailureMessage(verdict))
      hints = [KeyHint("Enter", "Fix the client"), Hints.back, Hints.help, Hints.quit]
    }
    return ScreenModel(
      id: "token", title: "Get a token",
      intro: [
        "snowgate asks the instance for an access token with what you typed, as scripts "
          + "will. Nothing is saved yet."
      ],
      items: items, focus: focus, messages: messages, progress: progress, hints: hints)
  }

  /// Which secrets go with the request, masked: never their length or content.
  private func maskedSecrets(_ draft: OAuthClientDraft) -> String {
    var parts: [String] = []
    if let secret = draft.client.clientSecret, !secret.isEmpty {
      parts.append("client secret ••••••••")
    } else {
      parts.append("no client secret (public client, PKCE)")
    }
    switch draft.kind {
    case .oauthPassword: parts.append("password ••••••••")
    case .oauthRefreshToken: parts.append("refresh token ••••••••")
    default: break
    }
    return parts.joined(separator: ", ")
  }

  private func receivedMessage(_ tokens: TokenSet, kind: AuthKind) -> ScreenMessage {
    let left = token.secondsLeft ?? 0
    let expiry =
      left > 0 ? "in " + ClockText.countdown(left) : "expired; press r and generate again"
    let refresh: String
    if tokens.hasRefreshToken {
      refresh = "Refresh   yes; snowgate renews the access token by itself."
    } else if kind == .jwtBearer {
      refresh = "Refresh   none (never for JWT bearer); a new assertion gets the next."
    } else if kind == .oauthClientCredentials {
      refresh = "Refresh   none (never for client credentials); it asks anew."
    } else {
      refresh = "Refresh   none came back; snowgate asks anew when it expires."
    }
    var lines = [
      "Type      " + DisplayText.sanitised(tokens.tokenType),
      "Scope     "
        + ((tokens.scope ?? "").isEmpty ? "(none given)" : DisplayText.sanitised(tokens.scope ?? "")),
      "Expires   " + ClockText.utc(tokens.expiresAt ?? tokens.obtainedAt) + " (" + expiry + ")",
      refresh,
    ]
    var kind: ScreenMessage.Kind = left > 0 ? .success : .warning
    if tokens.hasRefreshToken, let ends = refreshTokenExpiry(tokens) {
      let now = tokens.obtainedAt.addingTimeInterval(TimeInterval(token.secondsSinceReceipt))
      lines.append(
        "          refresh token " + ExpiryText.describe(expiresAt: ends, now: now) + ", "
          + ClockText.utc(ends))
      if ends.timeIntervalSince(now) < Self.refreshWarningSeconds {
        kind = .warning
        lines.append("          under 7 days: then scripts need a new sign-in.")
      }
    }
    return ScreenMessage(kind: kind, title: "The instance issued a token.", lines: lines)
  }

  /// Under this many seconds left, the refresh token's expiry is a warning (as `profiles` and
  /// `check --instance-setup` warn).
  static let refreshWarningSeconds: TimeInterval = 7 * 86_400

  /// When the refresh token stops working: its own expiry when known, else the lifespan of the
  /// client record snowgate created for these tokens; nil when neither is known.
  func refreshTokenExpiry(_ tokens: TokenSet) -> Date? {
    if let own = tokens.refreshTokenExpiresAt { return own }
    guard let lifespan = oauthClientCreation.createdRefreshLifespan,
      oauthClientCreation.createdClientID == oauthClientDraft.client.clientID
    else { return nil }
    return tokens.obtainedAt.addingTimeInterval(TimeInterval(lifespan))
  }

  /// A token failure; `access_denied` is said honestly: the instance does not tell which
  /// credential it refused, so the runtime's remedies are its causes, likeliest first.
  static func tokenFailureMessage(_ verdict: Verdict) -> ScreenMessage {
    guard verdict.code == "oauth.access_denied" else {
      return ScreenMessage(kind: .error, title: verdict.summary, lines: verdict.remedies)
    }
    // The summary already says the instance does not tell which credential is wrong.
    var lines = ["Check these, likeliest first:"]
    for (index, remedy) in verdict.remedies.enumerated() { lines.append("\(index + 1). \(remedy)") }
    return ScreenMessage(kind: .error, title: verdict.summary, lines: lines)
  }
}
