extension WizardState {
  /// The welcome choices that can be picked now: editing and diagnosing need a saved profile.
  var enabledWelcomeChoices: [WelcomeChoice] {
    savedProfiles.isEmpty ? [.newConnection, .quit] : WelcomeChoice.allCases
  }

  mutating func welcomeKey(_ key: Key) -> [WizardEffect] {
    switch key {
    case .up, .backTab:
      welcome.focus = Self.step(enabledWelcomeChoices, from: welcome.focus, by: -1)
    case .down, .tab:
      welcome.focus = Self.step(enabledWelcomeChoices, from: welcome.focus, by: 1)
    case .escape:
      return requestQuit()
    case .enter:
      switch welcome.focus {
      case .newConnection:
        if editingProfileName != nil {
          // A fresh setup must not inherit a loaded profile's values or its name.
          let profiles = savedProfiles
          self = WizardState(savedProfiles: profiles)
        }
        go(to: .instance)
      case .editSaved:
        picker = ProfilePickerStep(purpose: .edit)
        go(to: .pickProfile)
      case .diagnoseSaved:
        picker = ProfilePickerStep(purpose: .diagnose)
        go(to: .pickProfile)
      case .quit:
        return requestQuit()
      }
    default:
      break
    }
    return []
  }

  mutating func pickerKey(_ key: Key) -> [WizardEffect] {
    if picker.isLoading {
      if key == .escape { return cancelActivity() }
      return []
    }
    let count = savedProfiles.count
    switch key {
    case .up, .backTab:
      if count > 0 { picker.focus = (picker.focus + count - 1) % count }
    case .down, .tab:
      if count > 0 { picker.focus = (picker.focus + 1) % count }
    case .escape:
      picker.failure = nil
      go(to: .welcome)
    case .enter:
      guard savedProfiles.indices.contains(picker.focus) else { return [] }
      let name = savedProfiles[picker.focus].name
      switch picker.purpose {
      case .edit:
        picker.isLoading = true
        picker.failure = nil
        activity = Activity(kind: .loadProfile)
        return [.loadProfile(name: name)]
      case .diagnose:
        return [.diagnose(profileName: name)]
      }
    default:
      break
    }
    return []
  }

  mutating func profileLoaded(_ profile: SavedProfile) -> [WizardEffect] {
    guard activity?.kind == .loadProfile else { return [] }
    activity = nil
    picker.isLoading = false
    instance = InstanceStep(text: profile.instance)
    let kind = profile.authKind ?? .basic
    authType = AuthTypeStep(focus: kind, selected: profile.authKind)
    credentials = CredentialsStep(
      username: TextInput(profile.username), password: SecretInput(profile.password))
    test = TestStep()
    save = SaveStep(name: TextInput(profile.name), isNameEdited: true)
    done = nil
    editingProfileName = profile.name
    hasUnsavedChanges = false
    go(to: .instance)
    return []
  }

  mutating func doneKey(_ key: Key) -> [WizardEffect] {
    switch key {
    case .enter, .escape, .character("q"), .character("Q"):
      return [.quit(.success)]
    default:
      return []
    }
  }

  /// The next element of `choices` after `current` (wrapping), or the first when `current` is absent.
  static func step<T: Equatable>(_ choices: [T], from current: T, by offset: Int) -> T {
    guard let index = choices.firstIndex(of: current) else { return choices[0] }
    return choices[(index + offset + choices.count) % choices.count]
  }
}
