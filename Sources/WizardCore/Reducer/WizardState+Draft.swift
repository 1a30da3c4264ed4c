import Vocabulary

extension WizardState {
  /// Whether the person got past the address: a half-finished setup is worth keeping from here.
  var isPastInstanceStep: Bool {
    switch screen {
    case .welcome, .pickProfile, .instance, .done, .diagnose, .agentTransfer:
      return authType.selected != nil
    case .authType, .credentials, .oauthClient, .createOAuthClient, .token, .authorization,
      .test, .save:
      return true
    }
  }

  /// The half-finished setup to keep when the person quits now, nil when there is nothing to
  /// keep or when a complete saved profile is being edited (a draft must never replace it).
  /// Holds no secret.
  public var draftSummary: SetupDraft? {
    guard case .success(let address) = instance.normalised, isPastInstanceStep else { return nil }
    if let editing = editingProfileName,
      savedProfiles.first(where: { $0.name == editing })?.isComplete != false
    {
      return nil
    }
    let typedName = save.name.text
    let name = save.isNameEdited && profileNameProblem(typedName) == nil ? typedName : suggestedProfileName
    func typed(_ text: String) -> String? { text.isEmpty ? nil : text }
    var summary = SetupDraft(
      name: name, instanceURL: address.url, apiVersion: address.apiVersion, authType: authType.selected,
      secretStore: save.store == .file ? nil : chosenSecretStore, step: screen.draftWord)
    switch authType.selected {
    case nil:
      break
    case .basic:
      summary.username = typed(credentials.username.text)
    case .certificate:
      summary.connection.clientCertificateFile = typed(credentials.certificateFile.text)
      summary.connection.clientKeyFile = typed(credentials.keyFile.text)
    case .some:
      let client = oauthClientDraft
      summary.clientID = typed(client.client.clientID)
      summary.username = typed(client.username)
      summary.scope = typed(client.client.scope)
      summary.redirectURI = typed(client.redirectURI)
      summary.jwtKeyFile = typed(client.jwtKeyFile)
      summary.jwtKeyID = typed(client.jwtKeyID)
    }
    return summary
  }

  /// `.saveDraft` when quitting should keep a half-finished setup.
  func draftEffects() -> [WizardEffect] {
    guard let summary = draftSummary else { return [] }
    return [.saveDraft(summary)]
  }
}
