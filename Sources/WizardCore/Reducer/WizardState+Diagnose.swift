import Platform

extension WizardState {
  /// Starts (or restarts) the checks of a saved profile on the diagnose screen; an OAuth
  /// profile's instance setup is read as `admin` (the profile itself unless one was picked).
  mutating func startDiagnosis(of name: String, admin: String? = nil) -> [WizardEffect] {
    let choices = setupAdminChoices(for: name)
    let setupAdmin = choices.isEmpty ? nil : (admin.flatMap { choices.contains($0) ? $0 : nil } ?? name)
    diagnosis = DiagnoseStep(profileName: name, setupAdmin: setupAdmin, adminChoices: choices)
    begin(.diagnose)
    go(to: .diagnose)
    return [.diagnose(profileName: name, setupAdmin: setupAdmin)]
  }

  /// Who may read the instance setup of `name`: nothing for a profile without an OAuth client;
  /// else the profile itself, then the other complete saved profiles of the same instance.
  func setupAdminChoices(for name: String) -> [String] {
    guard let profile = savedProfiles.first(where: { $0.name == name }), profile.authKind?.isOAuth == true
    else { return [] }
    let others = savedProfiles.filter {
      $0.name != name && $0.isComplete && Self.sameInstance($0.instance, profile.instance)
    }
    return [name] + others.map(\.name)
  }

  /// Whether two saved addresses name one instance: the same host (any case) and port.
  static func sameInstance(_ first: String, _ second: String) -> Bool {
    guard let one = URL(string: first), let two = URL(string: second), let host = one.host?.lowercased()
    else { return false }
    return host == two.host?.lowercased() && one.port == two.port
  }

  mutating func diagnoseKey(_ key: Key) -> [WizardEffect] {
    guard let diagnosis else { return [] }
    if activity?.kind == .diagnose {
      // Running: Esc stops the checks and goes back, as everywhere else.
      guard key == .escape else { return [] }
      let effects = cancelActivity()
      go(to: .welcome)
      return effects
    }
    switch key {
    case .character("r"), .character("R"):
      return startDiagnosis(of: diagnosis.profileName, admin: diagnosis.setupAdmin)
    case .character("a"), .character("A"):
      // Read the instance setup as the next saved profile of the instance (all checks again).
      guard let next = diagnosis.nextAdmin else { return [] }
      return startDiagnosis(of: diagnosis.profileName, admin: next)
    case .enter:
      // A failure is fixed by editing the connection: open it in the wizard.
      guard case .failed(let verdict)? = diagnosis.outcome else {
        go(to: .welcome)
        return []
      }
      self.diagnosis?.fixing = TestFailureAction.choices(for: verdict).first
      picker = ProfilePickerStep(purpose: .edit)
      picker.isLoading = true
      begin(.loadProfile)
      go(to: .pickProfile)
      return [.loadProfile(name: diagnosis.profileName)]
    case .escape:
      go(to: .welcome)
      return []
    default:
      return []
    }
  }

  /// A check line of the diagnose screen, while its checks run.
  mutating func diagnosisProgress(_ update: CheckLineUpdate) -> [WizardEffect] {
    guard screen == .diagnose, activity?.kind == .diagnose, diagnosis != nil else { return [] }
    if let index = diagnosis?.checks.firstIndex(where: { $0.id == update.id }) {
      diagnosis?.checks[index] = update
    } else {
      diagnosis?.checks.append(update)
    }
    return []
  }

  mutating func diagnosisFinished(_ outcome: TestOutcome) -> [WizardEffect] {
    guard screen == .diagnose, activity?.kind == .diagnose, diagnosis != nil else { return [] }
    activity = nil
    diagnosis?.outcome = outcome
    return []
  }
}
