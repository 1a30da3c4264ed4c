import Vocabulary

extension WizardState {
  func oauthClientScreen() -> ScreenModel {
    let kind = authType.selected ?? .oauthPassword
    let fields = kind.clientFields
    var items: [ScreenItem] = []
    var focus: Int?
    var messages: [ScreenMessage] = []
    if kind == .oauthClientCredentials {
      messages.append(
        ScreenMessage(
          kind: .info, title: "Client credentials needs, on the instance:",
          lines: [
            "the Washington DC release or later;",
            "glide.oauth.inbound.client.credential.grant_type.enabled=true;",
            "an OAuth Application User on the application record.",
          ]))
    }
    for field in fields {
      if field == oauthClient.focus { focus = items.count }
      items.append(.field(clientField(field, kind: kind)))
    }
    if kind.canCreateClient {
      if oauthClient.focus == .createClient { focus = items.count }
      items.append(.action(ActionModel(label: "Create the OAuth client on the instance for me")))
    }
    if let created = oauthClientCreation.createdNote,
      oauthClientCreation.createdClientID == oauthClient.clientID.text
    {
      messages.append(ScreenMessage(kind: .success, title: created))
    }
    let focusIsSecret = oauthClient.focus.isSecret
    var hints = [KeyHint("Tab", "Next")]
    if focusIsSecret {
      hints.append(KeyHint("Ctrl-R", oauthClient.revealed == oauthClient.focus ? "Hide" : "Show"))
    }
    hints += [KeyHint("Enter", "Continue"), Hints.back, Hints.help]
    return ScreenModel(
      id: "oauth-client-" + kind.rawValue, title: Self.clientTitle(kind), intro: [Self.clientIntro(kind)],
      items: items, focus: focus, messages: messages, hints: hints)
  }

  static func clientTitle(_ kind: AuthKind) -> String {
    switch kind {
    case .basic, .oauthPassword: return "OAuth client: password grant"
    case .oauthAuthorizationCode: return "OAuth client: sign in in a browser"
    case .oauthRefreshToken: return "OAuth client: an existing refresh token"
    case .oauthClientCredentials: return "OAuth client: client credentials"
    case .jwtBearer: return "OAuth client: JWT bearer grant"
    case .apiKey: return "REST API key"
    case .certificate: return "Client certificate"
    }
  }

  static func clientIntro(_ kind: AuthKind) -> String {
    switch kind {
    case .basic, .oauthPassword:
      return "snowgate gets tokens with this client and a user's name and password. "
        + "F1 shows how to create the client in ServiceNow."
    case .oauthAuthorizationCode:
      return "You sign in in a browser; snowgate receives the code at the redirect URI. "
        + "Register that URI on the client (F1 shows how)."
    case .oauthRefreshToken:
      return "snowgate trades the refresh token for access tokens. It must come from this "
        + "client. F1 shows where to find the client."
    case .oauthClientCredentials:
      return "The client alone signs in, as its OAuth Application User; no user password. "
        + "F1 shows how to create the client."
    case .jwtBearer:
      return "snowgate signs a short assertion with your private key (the key stays in its "
        + "file) and trades it for tokens. F1 shows the setup on the instance."
    case .apiKey:
      return "An API key signs in on the credentials screen."
    case .certificate:
      return "A client certificate signs in on its own screen."
    }
  }

  private func clientField(_ field: OAuthClientField, kind: AuthKind) -> FieldModel {
    let error = oauthClient.errors[field]
    let revealed = oauthClient.revealed == field
    func plain(_ label: String, _ input: TextInput, placeholder: String, note: String? = nil) -> FieldModel {
      FieldModel(
        label: label, display: DisplayText.sanitised(input.text), cursor: input.cursor,
        placeholder: placeholder, note: note, error: error)
    }
    func secret(_ label: String, _ input: SecretInput, note: String? = nil) -> FieldModel {
      FieldModel(
        label: label,
        display: revealed
          ? DisplayText.sanitised(input.secret.reveal()) : DisplayText.bullets(input.secret.count),
        cursor: input.cursor, isSecret: true, isRevealed: revealed,
        note: revealed ? "Shown until you press Ctrl-R or leave this screen." : note, error: error)
    }
    switch field {
    case .clientID:
      return plain("Client ID", oauthClient.clientID, placeholder: "from the Application Registry record")
    case .clientSecret:
      let note =
        kind == .oauthAuthorizationCode
        ? "Optional: leave it empty for a public client; PKCE proves it instead." : nil
      return secret("Client secret", oauthClient.clientSecret, note: note)
    case .username:
      if kind == .jwtBearer {
        return plain(
          "Subject user", oauthClient.username, placeholder: "e.g. integration.user",
          note: "The sub claim: the user the tokens act as.")
      }
      return plain("User name", oauthClient.username, placeholder: "e.g. integration.user")
    case .password:
      return secret("Password", oauthClient.password)
    case .refreshToken:
      return secret(
        "Refresh token", oauthClient.refreshToken,
        note: "Issued to this client; it is used only to get tokens.")
    case .redirectURI:
      return plain(
        "Redirect URI", oauthClient.redirectURI, placeholder: OAuthClientStep.defaultRedirectURI,
        note: "Register exactly this as a Redirect URL of the client; any free port.")
    case .jwtKeyFile:
      return plain(
        "Key file", oauthClient.jwtKeyFile, placeholder: "e.g. ~/.snowgate/jwt.pem",
        note: "RSA private key (PEM), no passphrase; openssl reads it.")
    case .jwtKeyID:
      return plain(
        "Key ID", oauthClient.jwtKeyID, placeholder: "the verifier map's Key Id",
        note: "Sent as the kid of the assertion's header.")
    case .scope, .createClient:
      return plain(
        "Scope", oauthClient.scope, placeholder: "empty: the client's default",
        note: "Optional; only if the client record limits scopes.")
    }
  }
}
