import Vocabulary

extension WizardState {
  /// Shows the save screen, proposing a name from the host until the person types their own,
  /// and asks the first time whether the OS keyring answers here (the demo's practice profile
  /// lives in a folder of its own and never touches the person's keyring).
  mutating func enterSave(despiteFailedTest: Bool) -> [WizardEffect] {
    save.isDespiteFailedTest = despiteFailedTest
    if !save.isNameEdited { save.name = TextInput(suggestedProfileName) }
    go(to: .save)
    guard save.keyring == .unknown, context.practice == nil else { return [] }
    save.keyring = .checking
    return [.checkKeyring]
  }

  /// The keyring's answer: where one works it becomes the default, unless a store was chosen.
  mutating func keyringChecked(_ problem: String?) -> [WizardEffect] {
    guard save.keyring == .checking else { return [] }
    save.keyring = problem.map(KeyringStatus.unavailable) ?? .available
    if save.keyring.isAvailable && !save.isStoreChosen { save.store = .keyring }
    return []
  }

  /// Whether saving to the credentials file needs the person's yes first: no keyring is known
  /// to answer, so the file is a fallback, not a choice (as gh's insecure storage is).
  var needsFileConsent: Bool {
    save.store == .file && !save.keyring.isAvailable && !save.isFileAgreed && context.practice == nil
  }

  static let keyringUnavailableCode = "keyring.unavailable"
  static let chooseAnotherStore =
    "Choose another place for the secrets, e.g. the credentials file (mode 0600), then press Enter."

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
    let example = suggestedProfileName
    switch ProfileName.check(name) {
    case .empty?: return "Type a name for this connection, e.g. \(example)."
    case .tooLong?: return "Keep the name to \(ProfileName.maximumLength) characters, e.g. \(example)."
    case .invalidCharacter?: return "Use only letters, digits, -, _ and . (no spaces), e.g. \(example)."
    case .badStart?: return "Start the name with a letter or digit, e.g. \(example)."
    case nil: break
    }
    if isNameTaken(name) {
      return "A connection named \(name) exists already; pick another, e.g. \(example)."
    }
    return nil
  }

  static let commandMissing = "Type the command that prints the secret, e.g. pass show servicenow/prod."
  static let commandNeedsShell =
    "It runs without a shell: no | > ; $ or quotes; wrap those in a script."

  mutating func saveKey(_ key: Key) -> [WizardEffect] {
    if save.isSaving { return [] }
    if save.isFileConsentAsked {
      // Only an explicit y agrees; Enter, the key that reached the question, does not.
      switch key {
      case .character("y"), .character("Y"):
        save.isFileConsentAsked = false
        save.isFileAgreed = true
        return submitSave()
      case .character("n"), .character("N"), .escape:
        save.isFileConsentAsked = false
        save.focus = .store
      default:
        break
      }
      return []
    }
    if save.isMoveAsideOffered {
      switch key {
      case .character("y"), .character("Y"):
        save.isMoveAsideOffered = false
        save.isSaving = true
        begin(.moveAside)
        return [.moveBrokenConfigAside]
      case .character("n"), .character("N"), .escape:
        save.isMoveAsideOffered = false
      default:
        break
      }
      return []
    }
    switch key {
    case .enter:
      return submitSave()
    case .escape:
      go(to: .test)
    case .tab:
      save.focus = nextSaveFocus(by: 1)
    case .backTab:
      save.focus = nextSaveFocus(by: -1)
    case .up:
      switch save.focus {
      case .name: break
      case .store:
        if save.store == SecretStoreKind.allCases.first {
          save.focus = .name
        } else {
          chooseStore(Self.step(SecretStoreKind.allCases, from: save.store, by: -1))
        }
      case .command: save.focus = .store
      }
    case .down:
      switch save.focus {
      case .name: save.focus = .store
      case .store:
        if save.store != SecretStoreKind.allCases.last {
          chooseStore(Self.step(SecretStoreKind.allCases, from: save.store, by: 1))
        } else if save.store == .command {
          save.focus = .command
        }
      case .command: break
      }
    default:
      switch save.focus {
      case .name:
        guard Self.edit(&save.name, key) else { return [] }
        save.isNameEdited = true
        save.nameError = nil
        hasUnsavedChanges = true
      case .command:
        guard Self.edit(&save.command, key) else { return [] }
        save.commandError = nil
        hasUnsavedChanges = true
      case .store:
        break
      }
    }
    return []
  }

  private mutating func chooseStore(_ store: SecretStoreKind) {
    save.store = store
    save.isStoreChosen = true
    if save.failure?.code == Self.keyringUnavailableCode { save.failure = nil }
    save.commandError = nil
    hasUnsavedChanges = true
  }

  /// Tab order: the name, the store list, and the command field when the command store is chosen.
  private func nextSaveFocus(by offset: Int) -> SaveField {
    let order: [SaveField] = save.store == .command ? [.name, .store, .command] : [.name, .store]
    return Self.step(order, from: save.focus, by: offset)
  }

  /// Why the external command cannot be used, or nil.
  func commandProblem(_ command: String) -> String? {
    if command.trimmingSpaces.isEmpty { return Self.commandMissing }
    if command.contains(where: { "|><;$`\"'&".contains($0) }) { return Self.commandNeedsShell }
    return nil
  }

  /// The store chosen on the save screen; its command split on spaces, which is exact because
  /// `commandProblem` refuses quotes and shell characters.
  var chosenSecretStore: SecretStore { save.secretStore }

  /// Enter: check the name and the command, then ask the runtime to save.
  mutating func submitSave() -> [WizardEffect] {
    let name = save.name.text
    if let problem = profileNameProblem(name) {
      save.nameError = problem
      save.focus = .name
      return []
    }
    if save.store == .command, let problem = commandProblem(save.command.text) {
      save.commandError = problem
      save.focus = .command
      return []
    }
    if save.store == .keyring, case .unavailable(let reason) = save.keyring {
      save.failure = Verdict(
        code: Self.keyringUnavailableCode, summary: reason, remedies: [Self.chooseAnotherStore])
      save.focus = .store
      return []
    }
    if needsFileConsent {
      save.isFileConsentAsked = true
      return []
    }
    guard let connection = connectionDraft else {
      goToWhatIsMissing()
      return []
    }
    save.nameError = nil
    save.commandError = nil
    save.failure = nil
    save.isSaving = true
    begin(.save)
    let store = chosenSecretStore
    return [
      .saveProfile(
        ProfileDraft(
          name: name, connection: connection, replacing: editingProfileName,
          savedDespiteFailedTest: save.isDespiteFailedTest, secretStore: store))
    ]
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
      // The wizard never overwrites a file it cannot read; it offers to move it aside first.
      save.isMoveAsideOffered = verdict.code == Self.configUnreadable
    }
    return []
  }

  /// The code of a save failure caused by a config file that cannot be read.
  static let configUnreadable = "config.unreadable"

  mutating func brokenConfigMoved(_ outcome: MoveAsideOutcome) -> [WizardEffect] {
    guard activity?.kind == .moveAside, save.isSaving else { return [] }
    activity = nil
    save.isSaving = false
    switch outcome {
    case .moved(let keptAs):
      save.movedAsideTo = keptAs
      save.failure = nil
      return submitSave()
    case .failed(let verdict):
      save.failure = verdict
      return []
    }
  }
}
