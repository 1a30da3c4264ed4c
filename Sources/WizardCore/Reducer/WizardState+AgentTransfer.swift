import Vocabulary

extension WizardState {
  /// Opens "Prepare for live agent transfer" for the profile just saved and runs the checks.
  mutating func openAgentTransfer() -> [WizardEffect] {
    guard let name = done?.profileName else { return [] }
    agentTransfer = AgentTransferStep(profileName: name)
    go(to: .agentTransfer)
    return runAgentTransfer(fix: false)
  }

  private mutating func runAgentTransfer(fix: Bool) -> [WizardEffect] {
    guard let name = agentTransfer?.profileName else { return [] }
    agentTransfer?.status = .running
    agentTransfer?.isConfirming = false
    begin(.instanceSetup)
    return [.checkAgentTransfer(profileName: name, fix: fix)]
  }

  mutating func agentTransferKey(_ key: Key) -> [WizardEffect] {
    guard let step = agentTransfer else {
      go(to: .done)
      return []
    }
    if step.isConfirming {
      switch key {
      case .character("y"), .character("Y"):
        return runAgentTransfer(fix: true)
      case .character("n"), .character("N"), .escape:
        agentTransfer?.isConfirming = false
      default:
        break
      }
      return []
    }
    switch (key, step.status) {
    case (.escape, .running):
      return cancelActivity()
    case (_, .running):
      return []
    case (.character("f"), .checked(_, _, let changes, _)), (.character("F"), .checked(_, _, let changes, _)):
      if !changes.isEmpty { agentTransfer?.isConfirming = true }
    case (.character("r"), _), (.character("R"), _):
      return runAgentTransfer(fix: false)
    case (.escape, _), (.enter, _):
      go(to: .done)
    default:
      break
    }
    return []
  }

  mutating func agentTransferChecked(_ outcome: AgentTransferOutcome) -> [WizardEffect] {
    guard activity?.kind == .instanceSetup, agentTransfer?.isRunning == true else { return [] }
    activity = nil
    switch outcome {
    case .checked(let lines, let refused, let changes, let made):
      agentTransfer?.status = .checked(lines: lines, refused: refused, changes: changes, made: made)
    case .failed(let verdict):
      agentTransfer?.status = .failed(verdict)
    }
    return []
  }
}
