extension WizardState {
  /// Starts (or restarts) the checks of a saved profile on the diagnose screen.
  mutating func startDiagnosis(of name: String) -> [WizardEffect] {
    diagnosis = DiagnoseStep(profileName: name)
    begin(.diagnose)
    go(to: .diagnose)
    return [.diagnose(profileName: name)]
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
      return startDiagnosis(of: diagnosis.profileName)
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
