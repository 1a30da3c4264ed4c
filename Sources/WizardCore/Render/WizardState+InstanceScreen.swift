import Vocabulary

extension WizardState {
  func instanceScreen() -> ScreenModel {
    var field = FieldModel(
      label: "Instance", display: DisplayText.maskingURLPassword(DisplayText.sanitised(instance.input.text)),
      cursor: instance.input.cursor,
      placeholder: "e.g. dev12345")
    if let error = instance.error {
      field.error = error.message
    } else if instance.input.text.isEmpty {
      field.note = "e.g. dev12345, itsm.example.com or a URL from the browser"
    } else {
      switch instance.normalised {
      case .success(let address):
        field.note = "→ " + address.display
        field.noteStyle = .success
      case .failure(let error):
        field.note = error.message
        field.noteStyle = .warning
      }
    }
    var messages: [ScreenMessage] = []
    var progress: ScreenProgress?
    var hints = [KeyHint("Enter", "Check address"), Hints.back, Hints.help, Hints.quit]
    switch instance.probe {
    case .idle:
      break
    case .probing(let address):
      progress = ScreenProgress(label: "Contacting \(address.address)…")
      hints = [Hints.cancel, Hints.quit]
    case .finished(let address, let outcome):
      let message = Self.probeMessage(outcome, address: address)
      messages.append(message)
      if let provider = instance.singleSignOn {
        messages.append(Self.singleSignOnMessage(provider))
      }
      let continueLabel = message.kind == .success ? "Continue" : "Continue anyway"
      hints = [KeyHint("Enter", continueLabel), KeyHint("Esc", "Edit"), Hints.help, Hints.quit]
    }
    return ScreenModel(
      id: "instance", title: "Instance address",
      intro: [
        "Type your ServiceNow instance: its name (dev12345), its address "
          + "(dev12345.service-now.com) or a URL copied from the browser."
      ],
      items: [.field(field)], focus: 0, messages: messages, progress: progress, hints: hints)
  }

  static func probeMessage(_ outcome: ProbeOutcome, address: NormalisedInstance) -> ScreenMessage {
    switch outcome {
    case .reachable:
      return ScreenMessage(
        kind: .success, title: "A ServiceNow instance answers at \(address.address).",
        lines: ["Press Enter to choose how to sign in."])
    case .hibernating:
      return ScreenMessage(
        kind: .warning, title: "The instance is hibernating.",
        lines: [
          "Developer instances sleep when unused for a while. To wake it, sign",
          "in at developer.servicenow.com and choose Wake up instance; it takes",
          "a few minutes. Then press Esc and Enter to check again.",
        ])
    case .notServiceNow(let verdict):
      return ScreenMessage(
        kind: .warning, title: "This does not look like a ServiceNow instance.",
        lines: [verdict.summary] + verdict.remedies)
    case .unreachable(let verdict):
      return ScreenMessage(kind: .error, title: verdict.summary, lines: verdict.remedies)
    }
  }

  /// What the probe found about sign-in: people sign in at an identity provider.
  static func singleSignOnMessage(_ provider: IdentityProviderRedirect) -> ScreenMessage {
    ScreenMessage(
      kind: .info, title: "This instance uses single sign-on at \(provider.host).",
      lines: [
        "Its login pages send people to \(provider). Sign in with the browser next; "
          + "Basic and the password grant work only for a local integration user."
      ])
  }

  func authTypeScreen() -> ScreenModel {
    let kinds = offeredAuthKinds
    var intro = [
      "Basic works wherever the instance allows it. OAuth needs a client registered in "
        + "System OAuth > Application Registry; the next screen says how."
    ]
    if let provider = instance.singleSignOn {
      intro = [
        "This instance signs people in at \(provider.host) (single sign-on), so the browser "
          + "sign-in comes first. Basic and the password grant only work for a local integration "
          + "user (one with a password on the instance itself, not at the identity provider)."
      ]
    }
    return ScreenModel(
      id: "auth-type", title: "How should snowgate sign in?",
      intro: intro,
      items: kinds.map { kind in
        .choice(
          ChoiceModel(
            label: kind.title, detail: kind.explanation, isEnabled: kind.isAvailable,
            isSelected: authType.selected == kind))
      },
      focus: kinds.firstIndex(of: authType.focus),
      hints: [Hints.move, Hints.choose, Hints.back, Hints.help, Hints.quit])
  }

  func credentialsScreen() -> ScreenModel {
    if authType.selected == .apiKey { return apiKeyScreen() }
    if authType.selected == .certificate { return certificateScreen() }
    let revealed = credentials.isPasswordRevealed
    let password = credentials.password
    let username = FieldModel(
      label: "User name", display: DisplayText.sanitised(credentials.username.text),
      cursor: credentials.username.cursor, placeholder: "e.g. integration.user",
      error: credentials.usernameError)
    let passwordField = FieldModel(
      label: "Password",
      display: revealed
        ? DisplayText.sanitised(password.secret.reveal()) : DisplayText.bullets(password.secret.count),
      cursor: password.cursor, isSecret: true, isRevealed: revealed,
      note: revealed ? "Shown until you press Ctrl-R or leave this screen." : nil,
      error: credentials.passwordError)
    return ScreenModel(
      id: "credentials", title: "Sign in with Basic auth",
      intro: [
        "snowgate sends these with every request to the instance. An integration user with "
          + "just the roles it needs is safer than an admin."
      ],
      items: [.field(username), .field(passwordField)],
      focus: credentials.focus == .username ? 0 : 1,
      hints: [
        KeyHint("Tab", "Next"), KeyHint("Ctrl-R", revealed ? "Hide" : "Show"), KeyHint("Enter", "Continue"),
        Hints.back, Hints.help,
      ])
  }

  /// The API key kind's credentials: one masked field, the header it travels in.
  func apiKeyScreen() -> ScreenModel {
    let revealed = credentials.isPasswordRevealed
    let key = credentials.apiKey
    let field = FieldModel(
      label: "API key",
      display: revealed ? DisplayText.sanitised(key.secret.reveal()) : DisplayText.bullets(key.secret.count),
      cursor: key.cursor, isSecret: true, isRevealed: revealed,
      note: revealed
        ? "Shown until you press Ctrl-R or leave this screen." : "Sent as the x-sn-apikey header.",
      error: credentials.apiKeyError)
    return ScreenModel(
      id: "credentials-apiKey", title: "Sign in with a REST API key",
      intro: [
        "Paste the key of a REST API Key record on the instance (Washington DC or later). "
          + "It needs an API access policy that allows it; F1 shows how."
      ],
      items: [.field(field)], focus: 0,
      hints: [
        KeyHint("Ctrl-R", revealed ? "Hide" : "Show"), KeyHint("Enter", "Continue"), Hints.back, Hints.help,
      ])
  }
}
