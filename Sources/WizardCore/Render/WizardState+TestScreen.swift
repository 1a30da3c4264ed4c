extension WizardState {
  func testScreen() -> ScreenModel {
    let address: String
    if case .success(let instance) = instance.normalised { address = instance.display } else { address = "?" }
    var items: [ScreenItem] = [.text("Instance  " + address, .normal)]
    let kind = authType.selected ?? .basic
    if kind.isOAuth {
      let draft = oauthClientDraft
      var signIn = "Sign-in   " + kind.title
      if kind == .oauthPassword || kind == .jwtBearer {
        signIn += ", as " + DisplayText.sanitised(draft.username)
      }
      items.append(.text(signIn, .normal))
      items.append(.text("Client ID " + DisplayText.sanitised(draft.client.clientID), .normal))
    } else if kind == .certificate {
      items.append(
        .text(
          "Sign-in   Client certificate " + DisplayText.sanitised(credentials.certificateFile.text), .normal))
    } else if kind == .apiKey {
      items.append(.text("Sign-in   REST API key, in the x-sn-apikey header", .normal))
    } else {
      items.append(.text("Sign-in   Basic, as " + DisplayText.sanitised(credentials.username.text), .normal))
    }
    items += test.checks.map { .check($0.lineModel) }
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
      let label = test.checks.isEmpty ? "Signing in and reading sys_user…" : "Running the checks…"
      progress = ScreenProgress(label: label)
      hints = [Hints.cancel, Hints.quit]
    case .passed(_, let report):
      messages.append(ScreenMessage(kind: .success, title: "The connection works.", lines: report.details))
      if !report.warnings.isEmpty {
        messages.append(ScreenMessage(kind: .warning, title: "Worth a look:", lines: report.warnings))
      }
      hints = [KeyHint("Enter", "Continue"), KeyHint("r", "Run again"), Hints.back, Hints.help, Hints.quit]
    case .failed(_, let verdict):
      // With check lines on screen the remedy already stands under the failed line.
      var lines = test.checks.isEmpty ? verdict.remedies : []
      if verdict.code == "api.forbidden" {
        lines += [
          "Signing in worked; a table ACL keeps this user from reading",
          "sys_user (or sys_db_object): test with an admin first to compare.",
        ]
      }
      messages.append(ScreenMessage(kind: .error, title: verdict.summary, lines: lines))
      let first = items.count
      for action in TestFailureAction.choices(for: verdict) {
        var title = action.title
        if action == .editCredentials && kind.isOAuth { title = "Change the OAuth client or its credentials" }
        if action == .editCredentials && kind == .apiKey { title = "Change the API key" }
        items.append(.choice(ChoiceModel(label: title)))
      }
      focus = first + test.failureFocus
      hints = [Hints.move, Hints.choose, KeyHint("r", "Run again"), Hints.back, Hints.help]
    }
    return ScreenModel(
      id: "test", title: "Test the connection",
      intro: [
        "snowgate signs in and reads a record of sys_user and of sys_db_object, the least "
          + "a script needs. Nothing on the instance is changed."
      ],
      items: items, focus: focus, messages: messages, progress: progress, hints: hints)
  }
}
