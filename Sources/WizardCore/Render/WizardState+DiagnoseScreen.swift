extension WizardState {
  func diagnoseScreen() -> ScreenModel {
    let name = DisplayText.sanitised(diagnosis?.profileName ?? "")
    var items: [ScreenItem] = (diagnosis?.checks ?? []).map { .check($0.lineModel) }
    if items.isEmpty { items.append(.text("Starting the checks…", .dim)) }
    var messages: [ScreenMessage] = []
    var progress: ScreenProgress?
    var hints: [KeyHint]
    let another = diagnosis?.nextAdmin.map { KeyHint("a", "Read as \(DisplayText.sanitised($0))") }
    switch diagnosis?.outcome {
    case nil:
      progress = ScreenProgress(label: "Checking \(name)…")
      hints = [Hints.cancel, Hints.quit]
    case .passed(let report)?:
      messages.append(ScreenMessage(kind: .success, title: "\(name) works.", lines: report.details))
      if !report.warnings.isEmpty {
        messages.append(ScreenMessage(kind: .warning, title: "Worth a look:", lines: report.warnings))
      }
      hints =
        [KeyHint("r", "Run again")] + [another].compactMap { $0 } + [
          KeyHint("Esc", "Welcome"), Hints.help, Hints.quit,
        ]
    case .failed(let verdict)?:
      messages.append(
        ScreenMessage(
          kind: .error, title: verdict.summary,
          lines: ["Press Enter to edit \(name) and fix it, or r to run the checks again."]))
      hints =
        [KeyHint("Enter", "Fix it"), KeyHint("r", "Run again")] + [another].compactMap { $0 } + [
          KeyHint("Esc", "Welcome"), Hints.quit,
        ]
    }
    if let setup = diagnosis?.checks.first(where: { $0.id == DiagnoseStep.setupLineID }),
      setup.status == .fail,
      diagnosis?.outcome != nil
    {
      // The layers may pass while the record is wrong (a browser sign-in would wait in vain), or
      // fail because of it (an inactive record): either way the fix is on the instance.
      messages.append(
        ScreenMessage(
          kind: .warning,
          title: "Its OAuth setup on the instance needs a fix: the failing lines above say where.",
          lines: []))
    }
    var intro = "The checks of snowgate check \(name), layer by layer."
    if let admin = diagnosis?.setupAdmin {
      // Said before the lines arrive, so a person knows whose rights the setup reads need.
      intro += " Then its OAuth setup on the instance, read as \(DisplayText.sanitised(admin))."
    }
    return ScreenModel(
      id: "diagnose", title: "Diagnose \(name)",
      intro: [intro],
      items: items, messages: messages, progress: progress, hints: hints)
  }
}
