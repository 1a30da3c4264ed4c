import Platform
import Vocabulary

extension WizardState {
  static let webhookNotURL = "Type the bot's webhook as an https:// (or http://) address."

  /// Opens "Prepare for live agent transfer" for the profile just saved and runs the checks.
  mutating func openAgentTransfer() -> [WizardEffect] {
    guard let name = done?.profileName else { return [] }
    agentTransfer = AgentTransferStep(profileName: name)
    go(to: .agentTransfer)
    return runAgentTransfer(fix: false)
  }

  private mutating func runAgentTransfer(fix: Bool) -> [WizardEffect] {
    guard let step = agentTransfer else { return [] }
    let typed = step.webhook.text
    agentTransfer?.status = .running
    agentTransfer?.isConfirming = false
    begin(.instanceSetup)
    return [
      .checkAgentTransfer(
        profileName: step.profileName, webhook: typed.isEmpty ? nil : typed, group: step.groupName,
        member: step.memberName, fix: fix)
    ]
  }

  /// Whether `text` can be a webhook: an http(s) address with a host, of a sane length.
  static func isWebhook(_ text: String) -> Bool {
    guard text.count <= 2000, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
      scheme == "https" || scheme == "http", url.host?.isEmpty == false
    else { return false }
    return true
  }

  mutating func agentTransferKey(_ key: Key) -> [WizardEffect] {
    guard let step = agentTransfer else {
      go(to: .done)
      return []
    }
    if let field = step.editing {
      switch key {
      case .enter:
        let text = step.webhook.text
        if field == .webhook, !text.isEmpty, !Self.isWebhook(text) {
          agentTransfer?.fieldError = Self.webhookNotURL
          return []
        }
        agentTransfer?.editing = nil
        return runAgentTransfer(fix: false)
      case .escape:
        agentTransfer?.editing = nil
        agentTransfer?.fieldError = nil
      default:
        var edited = step[field: field]
        if Self.edit(&edited, key) {
          agentTransfer?[field: field] = edited
          agentTransfer?.fieldError = nil
        }
      }
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
    case (.character("w"), _), (.character("W"), _):
      agentTransfer?.editing = .webhook
    case (.character("g"), _), (.character("G"), _):
      agentTransfer?.editing = .group
    case (.character("m"), _), (.character("M"), _):
      agentTransfer?.editing = .member
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
