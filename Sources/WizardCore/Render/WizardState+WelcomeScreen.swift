extension WizardState {
  func welcomeScreen() -> ScreenModel {
    let hasSaved = !savedProfiles.isEmpty
    let count = savedProfiles.count
    let drafts = savedProfiles.count { !$0.isComplete }
    let complete = count - drafts
    let counts = [complete > 0 ? "\(complete) saved" : nil, drafts > 0 ? "\(drafts) unfinished" : nil]
      .compactMap { $0 }.joined(separator: ", ")
    let hasComplete = drafts < count
    let choices: [(WelcomeChoice, ChoiceModel)] = [
      (
        .newConnection,
        ChoiceModel(label: "Set up a new connection", detail: "Address, sign-in, a test, a name.")
      ),
      (
        .editSaved,
        ChoiceModel(
          label: "Edit or resume a saved connection",
          detail: hasSaved
            ? "Change or finish one (\(counts))." : "No saved connections yet.",
          isEnabled: hasSaved)
      ),
      (
        .diagnoseSaved,
        ChoiceModel(
          label: "Diagnose a saved connection",
          detail: hasComplete ? "Find out why one fails." : "No saved connections yet.",
          isEnabled: hasComplete)
      ),
      (.quit, ChoiceModel(label: "Quit", detail: "Leave without changing anything.")),
    ]
    return ScreenModel(
      id: "welcome", title: "Welcome to snowgate",
      intro: [
        "snowgate connects this terminal to a ServiceNow instance, checks that the connection "
          + "works and saves it for scripts and support staff."
      ],
      items: choices.map { .choice($0.1) },
      focus: choices.firstIndex { $0.0 == welcome.focus },
      hints: [Hints.move, Hints.choose, Hints.help, KeyHint("Esc", "Quit")])
  }

  func pickerScreen() -> ScreenModel {
    let isEdit = picker.purpose == .edit
    var messages: [ScreenMessage] = []
    if let failure = picker.failure {
      messages.append(ScreenMessage(kind: .error, title: failure.summary, lines: failure.remedies))
    }
    var progress: ScreenProgress?
    if picker.isLoading, savedProfiles.indices.contains(picker.focus) {
      progress = ScreenProgress(label: "Loading \(savedProfiles[picker.focus].name)…")
    }
    return ScreenModel(
      id: isEdit ? "pick-edit" : "pick-diagnose",
      title: isEdit ? "Edit or resume a saved connection" : "Diagnose a saved connection",
      intro: isEdit
        ? ["Pick a connection; its screens open with what was saved."]
        : ["Pick a connection; snowgate checks it step by step and says what to fix."],
      items: savedProfiles.map { profile in
        var detail = profile.instance
        if let kind = profile.authKind { detail += " · " + (kind == .basic ? "Basic" : kind.title) }
        if !profile.isComplete { detail += " · unfinished" }
        return .choice(ChoiceModel(label: profile.name, detail: detail))
      },
      focus: savedProfiles.isEmpty ? nil : picker.focus,
      messages: messages,
      progress: progress,
      hints: picker.isLoading
        ? [Hints.cancel, Hints.quit]
        : [Hints.move, KeyHint("Enter", isEdit ? "Open" : "Diagnose"), Hints.back, Hints.help])
  }

  func doneScreen() -> ScreenModel {
    let name = done?.profileName ?? save.name.text
    if let practice = context.practice { return practiceDoneScreen(name: name, practice: practice) }
    var items: [ScreenItem] = [
      .text("What next:", .emphasis),
      .text("  snowgate check \(name)   checks it and explains any problem", .normal),
    ]
    if let kind = done?.authKind, kind == .apiKey {
      items.append(.text("  snowgate token \(name) --header   prints the x-sn-apikey header line", .normal))
    } else if let kind = done?.authKind, kind != .basic {
      items.append(.text("  snowgate token \(name)   prints an access token for scripts", .normal))
    }
    items.append(.text("  snowgate setup \(name)   changes it later", .normal))
    items.append(.text("  a   Prepare for live agent transfer (admins): checks the instance", .normal))
    var messages: [ScreenMessage] = []
    if save.isDespiteFailedTest {
      messages.append(
        ScreenMessage(
          kind: .warning, title: "Saved, but the connection test failed.",
          lines: ["Run snowgate check \(name) once the problem is fixed."]))
    }
    return ScreenModel(
      id: "done", title: "Connection saved",
      intro: ["\(name) is saved in \(done?.location ?? "the configuration")."],
      items: items, messages: messages,
      hints: [KeyHint("Enter", "Finish"), KeyHint("a", "Agent transfer")])
  }

  /// The demo's done screen: it was practice, here is what a real setup saves, and only
  /// commands that work once the practice instance is gone.
  func practiceDoneScreen(name: String, practice: PracticeRun) -> ScreenModel {
    let intro: String
    var items: [ScreenItem] = []
    if practice.keepsProfiles {
      intro =
        "This was a practice instance. \(name) is kept in \(done?.location ?? practice.realConfigPath), "
        + "but its instance stops when the demo ends, so checks of it will fail."
    } else {
      intro =
        "This was a practice instance: \(name) was saved in a private folder that is removed when you "
        + "finish. Nothing was written to your own configuration."
    }
    items.append(.text("For a real instance, the same steps save:", .emphasis))
    items.append(.text("  the connection in " + practice.realConfigPath, .normal))
    items.append(.text("  its secrets in " + practice.realCredentialsPath + " (mode 0600)", .normal))
    items.append(.text("What next:", .emphasis))
    items.append(.text("  snowgate setup          sets up your own instance", .normal))
    if practice.keepsProfiles {
      items.append(.text("  snowgate remove \(name)   forgets the practice connection", .normal))
    } else {
      items.append(.text("  snowgate demo --keep    practises and keeps the profiles", .normal))
    }
    return ScreenModel(
      id: "done", title: "Practice connection saved", intro: [intro], items: items,
      hints: [KeyHint("Enter", "Finish")])
  }
}
