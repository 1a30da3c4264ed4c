extension WizardState {
  func diagnoseScreen() -> ScreenModel {
    let name = DisplayText.sanitised(diagnosis?.profileName ?? "")
    var items: [ScreenItem] = (diagnosis?.checks ?? []).map { .check($0.lineModel) }
    if items.isEmpty { items.append(.text("Starting the checks…", .dim)) }
    var messages: [ScreenMessage] = []
    var progress: ScreenProgress?
    var hints: [KeyHint]
    switch diagnosis?.outcome {
    case nil:
      progress = ScreenProgress(label: "Checking \(name)…")
      hints = [Hints.cancel, Hints.quit]
    case .passed(let report)?:
      messages.append(ScreenMessage(kind: .success, title: "\(name) works.", lines: report.details))
      if !report.warnings.isEmpty {
        messages.append(ScreenMessage(kind: .warning, title: "Worth a look:", lines: report.warnings))
      }
      hints = [KeyHint("r", "Run again"), KeyHint("Esc", "Welcome"), Hints.help, Hints.quit]
    case .failed(let verdict)?:
      messages.append(
        ScreenMessage(
          kind: .error, title: verdict.summary,
          lines: ["Press Enter to edit \(name) and fix it, or r to run the checks again."]))
      hints = [KeyHint("Enter", "Fix it"), KeyHint("r", "Run again"), KeyHint("Esc", "Welcome"), Hints.quit]
    }
    return ScreenModel(
      id: "diagnose", title: "Diagnose \(name)",
      intro: ["The checks of snowgate check \(name), layer by layer."],
      items: items, messages: messages, progress: progress, hints: hints)
  }
}
