extension WizardState {
  /// Whether the person got past the address: a half-finished setup is worth keeping from here.
  var isPastInstanceStep: Bool {
    switch screen {
    case .welcome, .pickProfile, .instance, .done, .diagnose: return authType.selected != nil
    case .authType, .credentials, .oauthClient, .token, .authorization, .test, .save: return true
    }
  }

  /// The half-finished setup to keep when the person quits now, nil when there is nothing to
  /// keep or when a complete saved profile is being edited (a draft must never replace it).
  /// Holds no secret.
  public var draftSummary: DraftSummary? {
    guard case .success(let address) = instance.normalised, isPastInstanceStep else { return nil }
    if let editing = editingProfileName,
      savedProfiles.first(where: { $0.name == editing })?.isComplete != false
    {
      return nil
    }
    let typedName = save.name.text
    let name = save.isNameEdited && profileNameProblem(typedName) == nil ? typedName : suggestedProfileName
    var summary = DraftSummary(
      name: name, replacing: editingProfileName, instance: address.address, apiVersion: address.apiVersion,
      authKind: authType.selected, secretStore: save.store == .file ? nil : chosenSecretStore)
    switch authType.selected {
    case nil:
      break
    case .basic:
      summary.username = credentials.username.text
    case .some:
      let client = oauthClientDraft
      summary.clientID = client.client.clientID
      summary.username = client.username
      summary.scope = client.client.scope
      summary.redirectURI = client.redirectURI.isEmpty ? nil : client.redirectURI
    }
    return summary
  }

  /// `.saveDraft` when quitting should keep a half-finished setup.
  func draftEffects() -> [WizardEffect] {
    guard let summary = draftSummary else { return [] }
    return [.saveDraft(summary)]
  }
}
