import Testing
import Vocabulary

@testable import WizardCore

@Suite struct ScreenModelTests {
  @Test func secretFieldCarriesOnlyWhatItIsGiven() {
    let field = FieldModel(label: "Password", display: "••••", cursor: 4, isSecret: true)
    #expect(field.display == "••••")
    #expect(field.isRevealed == false)
  }

  static func everyScreen() -> [WizardState] {
    var states: [WizardState] = []
    let screens: [WizardScreen] = [
      .welcome, .pickProfile, .instance, .authType, .credentials, .test, .save, .done,
    ]
    for screen in screens {
      var state = Fixtures.state(on: screen, profiles: Fixtures.profiles)
      state.done = DoneStep(profileName: "dev12345", location: "/tmp/config.json", authKind: .basic)
      states.append(state)
      state.isHelpShown = true
      states.append(state)
      state.isHelpShown = false
      state.isQuitDialogShown = true
      states.append(state)
    }
    var testing = Fixtures.state(on: .test)
    testing.test.status = .testing(Fixtures.draft)
    testing.activity = Activity(kind: .test)
    states.append(testing)
    for verdict in [Fixtures.verdict401, Fixtures.verdict403, Fixtures.verdictDNS] {
      var failed = Fixtures.state(on: .test)
      failed.test.status = .failed(Fixtures.draft, verdict)
      states.append(failed)
    }
    var passed = Fixtures.state(on: .test)
    passed.test.status = .passed(
      Fixtures.draft, TestReport(details: ["Signed in as admin"], warnings: ["Slow"]))
    states.append(passed)
    return states
  }

  @Test func thePasswordNeverAppearsUnlessRevealed() {
    for state in Self.everyScreen() {
      let model = screenModel(for: state)
      var text = ""
      dump(model, to: &text)
      #expect(!text.contains("S3CR3T"), "screen \(state.screen)")
    }
  }

  @Test func revealShowsThePasswordOnItsScreenOnly() {
    var state = Fixtures.state(on: .credentials)
    let hidden = screenModel(for: state)
    guard case .field(let password) = hidden.items[1] else {
      Issue.record("no password field")
      return
    }
    #expect(password.display == String(repeating: "•", count: Fixtures.password.count))
    #expect(password.isSecret && !password.isRevealed)
    state.credentials.isPasswordRevealed = true
    guard case .field(let shown) = screenModel(for: state).items[1] else { return }
    #expect(shown.display == Fixtures.password)
    #expect(shown.isRevealed)
  }

  @Test func theInstanceFieldShowsTheNormalisedAddressWhileTyping() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "https://dev12345.service-now.com/api/now/v2/table/incident")
    let model = screenModel(for: state)
    #expect(model.step == "Step 1 of 5")
    #expect(model.focus == 0)
    guard case .field(let field) = model.items[0] else {
      Issue.record("no field")
      return
    }
    #expect(field.note == "→ https://dev12345.service-now.com/api/now/v2")
    #expect(field.noteStyle == .success)
    #expect(field.error == nil)

    state.instance = InstanceStep(text: "http://acme.example.com")
    guard case .field(let invalid) = screenModel(for: state).items[0] else { return }
    #expect(
      invalid.note == InstanceURLError.plainHTTPNotAllowed(suggestion: "https://acme.example.com").message)
    #expect(invalid.noteStyle == .warning)

    state.instance.error = .plainHTTPNotAllowed(suggestion: "https://acme.example.com")
    guard case .field(let refused) = screenModel(for: state).items[0] else { return }
    #expect(refused.error == state.instance.error?.message)
    #expect(refused.note == nil)
  }

  @Test func controlCharactersNeverReachTheTerminal() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev\u{1B}[2J")
    guard case .field(let field) = screenModel(for: state).items[0] else { return }
    #expect(field.display == "dev\u{FFFD}[2J")
  }

  @Test func aPasswordPastedIntoTheAddressIsMaskedInTheField() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "https://admin:S3CR3T@dev1.service-now.com/x@y")
    guard case .field(let field) = screenModel(for: state).items[0] else { return }
    #expect(field.display == "https://admin:••••••@dev1.service-now.com/x@y")
    #expect(field.cursor == state.instance.input.text.count)
    state.instance = InstanceStep(text: "dev1.service-now.com/a:b@c")
    guard case .field(let path) = screenModel(for: state).items[0] else { return }
    #expect(path.display == "dev1.service-now.com/a:b@c")
  }

  @Test func probingShowsProgressWithElapsedSecondsAndAFrame() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    state.instance.probe = .probing(Fixtures.instance)
    state.activity = Activity(kind: .probe, startedAt: .seconds(1), frame: 7, elapsedSeconds: 3)
    let model = screenModel(for: state)
    #expect(
      model.progress
        == ScreenProgress(label: "Contacting https://dev12345.service-now.com…", elapsedSeconds: 3, frame: 7))
    #expect(model.hints == [KeyHint("Esc", "Cancel"), KeyHint("Ctrl-C", "Quit")])
  }

  @Test func probeOutcomesReadAsMessagesAndOfferToContinue() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    state.instance.probe = .finished(Fixtures.instance, .hibernating)
    var model = screenModel(for: state)
    #expect(model.messages.first?.kind == .warning)
    #expect(model.messages.first?.title == "The instance is hibernating.")
    #expect(model.hints.first == KeyHint("Enter", "Continue anyway"))
    state.instance.probe = .finished(Fixtures.instance, .unreachable(Fixtures.verdictDNS))
    model = screenModel(for: state)
    #expect(
      model.messages == [
        ScreenMessage(kind: .error, title: Fixtures.verdictDNS.summary, lines: Fixtures.verdictDNS.remedies)
      ])
    state.instance.probe = .finished(Fixtures.instance, .reachable)
    #expect(screenModel(for: state).hints.first == KeyHint("Enter", "Continue"))
  }

  @Test func everyAuthKindIsOfferedWithItsExplanation() {
    let model = screenModel(for: WizardState(screen: .authType))
    #expect(model.items.count == AuthKind.allCases.count)
    #expect(model.focus == 0)
    for (index, item) in model.items.enumerated() {
      let kind = AuthKind.allCases[index]
      #expect(
        item == .choice(ChoiceModel(label: kind.title, detail: kind.explanation, isEnabled: kind.isAvailable))
      )
    }
    // Every kind of today has its wizard screens, the API key and the JWT bearer grant too.
    #expect(AuthKind.allCases.filter { !$0.isAvailable }.isEmpty)
  }

  @Test func welcomeDisablesSavedProfileChoicesWithoutProfiles() {
    let model = screenModel(for: WizardState())
    let enabled = model.items.map { item -> Bool in
      if case .choice(let choice) = item { return choice.isEnabled }
      return false
    }
    #expect(enabled == [true, false, false, true])
    #expect(model.step == nil)
  }

  @Test func aFailedTestListsItsChoicesAndFocusesTheFirst() {
    var state = Fixtures.state(on: .test)
    state.test.status = .failed(Fixtures.draft, Fixtures.verdict401)
    let model = screenModel(for: state)
    #expect(model.focus == 2)
    #expect(model.items[2] == .choice(ChoiceModel(label: "Change the user name or password")))
    #expect(model.messages.first?.title == Fixtures.verdict401.summary)
    state.test.status = .failed(Fixtures.draft, Fixtures.verdict403)
    #expect(
      screenModel(for: state).messages.first?.lines.contains { $0.contains("snc_platform_rest_api_access") }
        == true)
  }

  @Test func theQuitDialogAndHelpAreLaidOverTheScreen() {
    var state = Fixtures.state(on: .save)
    state.isQuitDialogShown = true
    let model = screenModel(for: state)
    #expect(model.dialog?.options == [KeyHint("y", "Quit, finish later"), KeyHint("n", "Keep going")])
    state.screen = .instance
    state.authType = AuthTypeStep()
    #expect(
      screenModel(for: state).dialog?.options == [
        KeyHint("y", "Quit without saving"), KeyHint("n", "Keep going"),
      ])
    state.screen = .save
    state.isQuitDialogShown = false
    state.isHelpShown = true
    let help = screenModel(for: state)
    #expect(help.help?.title == "Help: Save the connection")
    #expect(help.hints == [KeyHint("Any key", "Close help")])
  }

  @Test func theDoneScreenSaysWhereAndWhatNext() {
    var state = Fixtures.state(on: .done)
    state.done = DoneStep(
      profileName: "dev12345", location: "/home/ada/.config/snowgate/config.json", authKind: .basic)
    let model = screenModel(for: state)
    #expect(model.intro == ["dev12345 is saved in /home/ada/.config/snowgate/config.json."])
    #expect(
      model.items.contains(.text("  snowgate check dev12345   checks it and explains any problem", .normal)))
    #expect(!model.items.contains { "\($0)".contains("snowgate token") })
  }

  @Test func ourOwnCopyFitsSeventyFourColumns() {
    for state in Self.everyScreen() {
      let model = screenModel(for: state)
      for paragraph in model.intro {
        #expect(paragraph.count <= 2 * 74, "\(state.screen): \(paragraph)")
      }
      for line in model.help?.lines ?? [] {
        #expect(line.count <= 66, "help of \(state.screen): \(line)")
      }
      var lines = model.dialog?.lines ?? []
      for item in model.items {
        switch item {
        case .choice(let choice): lines += [choice.label, choice.detail]
        case .text(let text, _): lines.append(text)
        default: break
        }
      }
      for message in model.messages
      where !message.title.contains("refused") && !message.title.contains("Signed") {
        lines += message.lines.filter { !$0.contains("Check") && !$0.contains("Ask") && $0 != "Slow" }
      }
      for line in lines {
        #expect(line.count <= 74, "\(state.screen): \(line)")
      }
      let footer = model.hints.map { $0.key + " " + $0.action }.joined(separator: "  ")
      #expect(footer.count <= 74, "\(state.screen): \(footer)")
    }
  }
}
