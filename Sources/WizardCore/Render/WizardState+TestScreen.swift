extension WizardState {
  func testScreen() -> ScreenModel {
    let address: String
    if case .success(let instance) = instance.normalised { address = instance.display } else { address = "?" }
    var items: [ScreenItem] = [
      .text("Instance  " + address, .normal),
      .text("Sign-in   Basic, as " + DisplayText.sanitised(credentials.username.text), .normal),
    ]
    var focus: Int?
    var messages: [ScreenMessage] = []
    var progress: ScreenProgress?
    var hints: [KeyHint]
    switch test.status {
    case .idle:
      items.append(.action(ActionModel(label: "Test connection")))
      focus = items.count - 1
      hints = [KeyHint("Enter", "Test connection"), Hints.back, Hints.help, Hints.quit]
    case .testing:
      progress = ScreenProgress(label: "Signing in and reading sys_user…")
      hints = [Hints.cancel, Hints.quit]
    case .passed(_, let report):
      messages.append(ScreenMessage(kind: .success, title: "The connection works.", lines: report.details))
      if !report.warnings.isEmpty {
        messages.append(ScreenMessage(kind: .warning, title: "Worth a look:", lines: report.warnings))
      }
      hints = [KeyHint("Enter", "Continue"), Hints.back, Hints.help, Hints.quit]
    case .failed(_, let verdict):
      var lines = verdict.remedies
      if verdict.code == "api.forbidden" {
        lines += [
          "Signing in worked; the user lacks a role to read these tables.",
          "Give it snc_platform_rest_api_access and read on sys_user and",
          "sys_db_object (or test with an admin first).",
        ]
      }
      messages.append(ScreenMessage(kind: .error, title: verdict.summary, lines: lines))
      let first = items.count
      for action in TestFailureAction.choices(for: verdict) {
        items.append(.choice(ChoiceModel(label: action.title)))
      }
      focus = first + test.failureFocus
      hints = [Hints.move, Hints.choose, Hints.back, Hints.help]
    }
    return ScreenModel(
      id: "test", title: "Test the connection",
      intro: [
        "snowgate signs in and reads a record of sys_user and of sys_db_object, the least "
          + "a script needs. Nothing on the instance is changed."
      ],
      items: items, focus: focus, messages: messages, progress: progress, hints: hints)
  }

  func saveScreen() -> ScreenModel {
    let name = save.name.text
    var field = FieldModel(
      label: "Profile name", display: DisplayText.sanitised(name), cursor: save.name.cursor,
      placeholder: suggestedProfileName, error: save.nameError)
    if let editing = editingProfileName, editing != name, !name.isEmpty {
      field.note = "Renames \(editing) to \(name)."
    }
    var messages: [ScreenMessage] = []
    if save.isDespiteFailedTest {
      messages.append(
        ScreenMessage(
          kind: .warning, title: "The connection test failed; it will be saved anyway.",
          lines: ["Run snowgate check NAME once the problem is fixed."]))
    }
    if let failure = save.failure {
      messages.append(ScreenMessage(kind: .error, title: failure.summary, lines: failure.remedies))
    }
    let shownName = name.isEmpty ? suggestedProfileName : DisplayText.sanitised(name)
    return ScreenModel(
      id: "save", title: "Save the connection",
      intro: ["Give the connection a short name; commands use it, as in snowgate check \(shownName)."],
      items: [.field(field)], focus: 0, messages: messages,
      progress: save.isSaving ? ScreenProgress(label: "Saving \(shownName)…") : nil,
      hints: save.isSaving ? [] : [KeyHint("Enter", "Save"), Hints.back, Hints.help, Hints.quit])
  }
}
