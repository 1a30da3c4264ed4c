import Vocabulary

extension WizardState {
  func agentTransferScreen() -> ScreenModel {
    let name = agentTransfer?.profileName ?? ""
    var items: [ScreenItem] = []
    var messages: [ScreenMessage] = []
    var progress: ScreenProgress?
    var hints: [KeyHint] = []
    var dialog: Dialog?
    var focus: Int?
    if let step = agentTransfer {
      let fields: [(AgentTransferStep.Field, String, TextInput, String)] = [
        (.webhook, "Bot webhook", step.webhook, "w: your bot's webhook, to check the REST message against"),
        (.group, "Agent group", step.group, "g: the agents' group (\(AgentTransferStep.defaultGroup))"),
        (.member, "Add member", step.member, "m: a user f adds to a group without members"),
      ]
      for (index, (field, label, input, placeholder)) in fields.enumerated() {
        if step.editing == field { focus = index }
        items.append(
          .field(
            FieldModel(
              label: label, display: DisplayText.sanitised(input.text), cursor: input.cursor,
              placeholder: placeholder, error: step.editing == field ? step.fieldError : nil)))
      }
    }
    switch agentTransfer?.status ?? .idle {
    case .idle:
      hints = [KeyHint("r", "Check"), Hints.back]
    case .running:
      progress = ScreenProgress(label: "Reading the instance's setup as \(name)…")
      hints = [Hints.cancel, Hints.quit]
    case .checked(let lines, let refused, let changes, let made):
      if !made.isEmpty {
        messages.append(ScreenMessage(kind: .success, title: "Changed on the instance:", lines: made))
      }
      items += lines.map { .check($0.lineModel) }
      if !refused.isEmpty {
        messages.append(
          ScreenMessage(
            kind: .warning, title: "The instance refused some reads (\(name) has no admin rights there):",
            lines: refused))
      }
      let failing = lines.filter { $0.status == .fail }.count
      if changes.isEmpty {
        messages.append(
          ScreenMessage(
            kind: failing == 0 ? .success : .info,
            title: failing == 0
              ? "Ready for live agent transfer." : "\(failing) to fix; each line says where to click."))
        hints = [
          KeyHint("w", "Webhook"), KeyHint("g", "Group"), KeyHint("m", "Member"), KeyHint("r", "Check again"),
          KeyHint("Enter", "Done"), Hints.help,
        ]
      } else {
        messages.append(
          ScreenMessage(
            kind: .info, title: "snowgate can make \(changes.count) of the fixes (f shows them).",
            lines: changes.map { "- " + DisplayText.sanitised($0) }))
        hints = [
          KeyHint("f", "Fix"), KeyHint("w", "Webhook"), KeyHint("g", "Group"), KeyHint("m", "Member"),
          KeyHint("r", "Again"), KeyHint("Enter", "Done"), Hints.help,
        ]
        if agentTransfer?.isConfirming == true {
          dialog = Dialog(
            title: "Make these \(changes.count) change(s) on the instance?",
            lines: changes.map { "- " + DisplayText.sanitised($0) },
            options: [KeyHint("y", "Make them"), KeyHint("n", "Don't")])
        }
      }
    case .failed(let verdict):
      messages.append(ScreenMessage(kind: .error, title: verdict.summary, lines: verdict.remedies))
      hints = [KeyHint("r", "Try again"), Hints.back, Hints.help]
    }
    return ScreenModel(
      id: "agent-transfer", title: "Prepare for live agent transfer",
      intro: [
        "The instance's side of handing a bot's chat to a live agent: the checks of "
          + "snowgate check \(name) --for agent-transfer."
      ],
      items: items, focus: focus, messages: messages, progress: progress,
      hints: agentTransfer?.editing != nil
        ? [KeyHint("Enter", "Check with it"), KeyHint("Esc", "Leave the field")] : hints,
      dialog: dialog)
  }
}
