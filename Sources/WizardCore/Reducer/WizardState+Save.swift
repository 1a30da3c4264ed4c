extension WizardState {
  /// Longest profile name accepted; names end up in file names and commands.
  static let maximumProfileNameLength = 64

  /// Shows the save screen, proposing a name from the host until the person types their own.
  mutating func enterSave(despiteFailedTest: Bool) {
    save.isDespiteFailedTest = despiteFailedTest
    if !save.isNameEdited { save.name = TextInput(suggestedProfileName) }
    go(to: .save)
  }

  /// `dev12345` for dev12345.service-now.com, `itsm` for itsm.example.com, `local` for loopback;
  /// made unique against the saved profiles with a `-2`, `-3`, … suffix.
  var suggestedProfileName: String {
    var base = "instance"
    if case .success(let address) = instance.normalised {
      if address.isLoopback {
        base = "local"
      } else if let first = address.host.split(separator: ".").first, !first.allSatisfy(\.isNumber),
        !address.host.contains(":")
      {
        base = String(first)
      }
    }
    var candidate = base
    var suffix = 2
    while isNameTaken(candidate) {
      candidate = base + "-" + String(suffix)
      suffix += 1
    }
    return candidate
  }

  func isNameTaken(_ name: String) -> Bool {
    name != editingProfileName && savedProfiles.contains { $0.name == name }
  }

  /// Why a profile name cannot be used, or nil when it can.
  func profileNameProblem(_ name: String) -> String? {
    if name.isEmpty { return "Type a name for this connection, e.g. \(suggestedProfileName)." }
    if name.count > Self.maximumProfileNameLength {
      return "Keep the name to \(Self.maximumProfileNameLength) characters, e.g. \(suggestedProfileName)."
    }
    let allowed = name.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (CharacterSetting.isAlphanumeric(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
    }
    if !allowed {
      return "Use only letters, digits, -, _ and . (no spaces), e.g. \(suggestedProfileName)."
    }
    if let first = name.unicodeScalars.first, !CharacterSetting.isAlphanumeric(first) {
      return "Start the name with a letter or digit, e.g. \(suggestedProfileName)."
    }
    if isNameTaken(name) {
      return "A connection named \(name) exists already; pick another, e.g. \(suggestedProfileName)."
    }
    return nil
  }

  mutating func saveKey(_ key: Key) -> [WizardEffect] {
    if save.isSaving { return [] }
    switch key {
    case .enter:
      let name = save.name.text
      if let problem = profileNameProblem(name) {
        save.nameError = problem
        return []
      }
      guard let connection = connectionDraft else {
        go(to: .instance)
        return []
      }
      save.nameError = nil
      save.failure = nil
      save.isSaving = true
      activity = Activity(kind: .save)
      return [
        .saveProfile(
          ProfileDraft(
            name: name, connection: connection, replacing: editingProfileName,
            savedDespiteFailedTest: save.isDespiteFailedTest))
      ]
    case .escape:
      go(to: .test)
      return []
    default:
      let before = save.name.text
      guard save.name.apply(key), save.name.text != before else { return [] }
      save.isNameEdited = true
      save.nameError = nil
      hasUnsavedChanges = true
      return []
    }
  }

  mutating func saveFinished(_ outcome: SaveOutcome) -> [WizardEffect] {
    guard activity?.kind == .save, save.isSaving else { return [] }
    activity = nil
    save.isSaving = false
    switch outcome {
    case .saved(let location):
      done = DoneStep(
        profileName: save.name.text, location: location, authKind: authType.selected ?? .basic)
      hasUnsavedChanges = false
      go(to: .done)
    case .failed(let verdict):
      save.failure = verdict
    }
    return []
  }
}
