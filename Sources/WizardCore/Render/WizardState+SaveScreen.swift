extension WizardState {
  func saveScreen() -> ScreenModel {
    let name = save.name.text
    var field = FieldModel(
      label: "Profile name", display: DisplayText.sanitised(name), cursor: save.name.cursor,
      placeholder: suggestedProfileName, error: save.nameError)
    if let editing = editingProfileName, editing != name, !name.isEmpty {
      field.note = "Renames \(editing) to \(name)."
    }
    var items: [ScreenItem] = [.field(field), .text("Where should the secrets live?", .emphasis)]
    var focus: Int? = save.focus == .name ? 0 : nil
    for store in SecretStoreKind.allCases {
      if save.focus == .store && save.store == store { focus = items.count }
      items.append(.choice(storeChoice(store)))
    }
    if save.store == .command {
      if save.focus == .command { focus = items.count }
      items.append(
        .field(
          FieldModel(
            label: "Command", display: DisplayText.sanitised(save.command.text), cursor: save.command.cursor,
            placeholder: "e.g. pass show servicenow/prod",
            note: "Run without a shell; it must print only the secret.",
            error: save.commandError)))
    }
    if save.store == .environment {
      let variables = environmentVariables
      items.append(
        .text(
          variables.isEmpty
            ? "Nothing to set: a public client has no secret."
            : "Set " + variables.joined(separator: " and ") + " before use.", .dim))
    }
    let shownName = name.isEmpty ? suggestedProfileName : DisplayText.sanitised(name)
    var messages: [ScreenMessage] = []
    if save.isDespiteFailedTest {
      messages.append(
        ScreenMessage(
          kind: .warning, title: "The connection test failed; it will be saved anyway.",
          lines: ["Run snowgate check \(shownName) once the problem is fixed."]))
    }
    let shadowing = environmentVariables.filter { context.secretVariablesSet.contains($0) }
    if !shadowing.isEmpty, save.store == .file || save.store == .command {
      let names = shadowing.joined(separator: " and ")
      messages.append(
        ScreenMessage(
          kind: .warning,
          title: names + (shadowing.count == 1 ? " is" : " are")
            + " set here and will win over what is saved.",
          lines: ["snowgate check says so too; unset it to use the saved secret."]))
    }
    if case .unavailable(let reason) = save.keyring, save.failure?.code != Self.keyringUnavailableCode {
      messages.append(
        ScreenMessage(
          kind: .warning, title: "No OS keyring answers here, so the secrets cannot go there.",
          lines: [reason]))
    }
    if let movedAsideTo = save.movedAsideTo {
      messages.append(
        ScreenMessage(kind: .info, title: "The unreadable file is kept as:", lines: [movedAsideTo]))
    }
    if let failure = save.failure {
      messages.append(ScreenMessage(kind: .error, title: failure.summary, lines: failure.remedies))
    }
    var progress: ScreenProgress?
    if save.isSaving {
      progress = ScreenProgress(
        label: activity?.kind == .moveAside ? "Moving the unreadable file aside…" : "Saving \(shownName)…")
    }
    var hints = [KeyHint("Tab", "Next")]
    if save.focus == .store { hints.append(KeyHint("↑↓", "Choose")) }
    hints += [KeyHint("Enter", "Save"), Hints.back, Hints.help, Hints.quit]
    var dialog: Dialog?
    if save.isFileConsentAsked {
      let why =
        save.keyring == .checking
        ? "The OS keyring has not answered yet, so the secrets would go to"
        : "No OS keyring answers here, so the secrets would go to"
      dialog = Dialog(
        title: "Keep the secrets in a plain file?",
        lines: [
          why, context.credentialsPath + " (mode 0600).",
          "Any program that runs as you can read them there, and so can",
          "whoever reads your backups.",
        ],
        options: [KeyHint("y", "Yes, use the credentials file"), KeyHint("n", "No, choose another place")])
    }
    if save.isMoveAsideOffered {
      dialog = Dialog(
        title: "Move the unreadable file aside?",
        lines: [
          "snowgate never overwrites a file it cannot read. It can rename it",
          "to config.json.broken-TIMESTAMP (kept for you) and save anew.",
        ],
        options: [KeyHint("y", "Move it aside and save"), KeyHint("n", "Not now")])
    }
    return ScreenModel(
      id: "save", title: "Save the connection",
      intro: ["Give the connection a short name; commands use it, as in snowgate check \(shownName)."],
      items: items, focus: focus, messages: messages, progress: progress,
      hints: save.isSaving ? [] : hints, dialog: dialog)
  }

  private func storeChoice(_ store: SecretStoreKind) -> ChoiceModel {
    let label: String
    let detail: String
    switch store {
    case .file:
      // The default only in the demo; elsewhere the keyring is, and without one nothing is.
      label = context.practice != nil ? "Credentials file (default)" : "Credentials file"
      detail = context.credentialsPath + (needsFileConsent ? ", asks first" : ", mode 0600")
    case .command:
      label = "External command"
      detail = "A keyring or password manager prints it."
    case .environment:
      label = "Environment only"
      detail = "Nothing stored; SNOWGATE_* variables."
    case .ask:
      label = "Ask each time"
      detail = "Nothing stored; interactive use only."
    case .keyring:
      switch save.keyring {
      case .available:
        label = "OS keyring (default)"
        detail = "Secret Service or keychain; tokens too."
      case .checking, .unknown:
        label = "OS keyring"
        // The practice run never asks the keyring: its profile lives in a folder that goes.
        detail =
          context.practice == nil ? "Checking whether one answers here…" : "Not used by the practice run."
      case .unavailable:
        label = "OS keyring"
        detail = "None answers here (see below)."
      }
    }
    return ChoiceModel(label: label, detail: detail, isSelected: save.store == store)
  }

  /// The variables that hold this kind's secrets when nothing is stored.
  var environmentVariables: [String] {
    switch authType.selected ?? .basic {
    case .basic: return ["SNOWGATE_PASSWORD"]
    case .oauthPassword: return ["SNOWGATE_CLIENT_SECRET", "SNOWGATE_PASSWORD"]
    case .oauthAuthorizationCode:
      // The same secret kinds as the profile store's: the browser flow's user supplies only
      // the client secret, and a public client none.
      return oauthClient.clientSecret.secret.isEmpty ? [] : ["SNOWGATE_CLIENT_SECRET"]
    case .oauthRefreshToken: return ["SNOWGATE_CLIENT_SECRET", "SNOWGATE_REFRESH_TOKEN"]
    case .oauthClientCredentials, .jwtBearer: return ["SNOWGATE_CLIENT_SECRET"]
    case .apiKey: return ["SNOWGATE_API_KEY"]
    case .certificate: return ["SNOWGATE_KEY_PASSPHRASE"]
    }
  }
}
