import Testing
import Vocabulary

@testable import WizardCore

@Suite struct SecretStoreFlowTests {
  static func onSave(_ state: WizardState = Fixtures.state(on: .save)) -> WizardState {
    var state = state
    state.screen = .save
    state.save.name = TextInput("dev12345")
    return state
  }

  static func saving(_ store: inout TestStore, _ draft: ProfileDraft) {
    store.send(.enter, effects: [.saveProfile(draft)]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
  }

  @Test func theCredentialsFileIsSavedToWithoutAQuestionWhereAKeyringAnswers() {
    var store = TestStore(Self.onSave())
    let model = screenModel(for: store.state)
    #expect(
      model.items[2]
        == .choice(
          ChoiceModel(
            label: "Credentials file", detail: "~/.config/snowgate/credentials.json, mode 0600",
            isSelected: true)))
    #expect(model.items.count == 7)
    Self.saving(&store, ProfileDraft(name: "dev12345", connection: Fixtures.draft, secretStore: .file))
  }

  @Test func arrowsChooseTheStoreAndTabReachesTheCommand() {
    var store = TestStore(Self.onSave())
    store.send(.down) { $0.save.focus = .store }
    store.send(.down) {
      $0.save.store = .command
      $0.save.isStoreChosen = true
    }
    #expect(screenModel(for: store.state).focus == 3)
    store.send(.character("x"))
    store.send(.tab) { $0.save.focus = .command }
    store.type("pass show servicenow/prod") { $0.save.command = TextInput("pass show servicenow/prod") }
    store.send(.up) { $0.save.focus = .store }
    store.send(.down) { $0.save.store = .environment }
    store.send(.down) { $0.save.store = .ask }
    store.send(.down) { $0.save.store = .keyring }
    store.send(.down) { $0.scroll = 1 }  // past the last choice: scrolls
    store.send(.tab) {
      $0.save.focus = .name
      $0.scroll = 0
    }
    store.send(.backTab) { $0.save.focus = .store }
    store.send(.up) { $0.save.store = .ask }
    store.send(.up) { $0.save.store = .environment }
    store.send(.up) { $0.save.store = .command }
    store.send(.up) { $0.save.store = .file }
    store.send(.up) { $0.save.focus = .name }
  }

  @Test(arguments: [
    (SecretStoreKind.command, SecretStore.command(["pass", "show", "servicenow/prod"])),
    (.environment, .environment),
    (.ask, .ask),
    (.keyring, .keyring),
  ])
  func eachStoreEndsUpInTheProfileDraft(kind: SecretStoreKind, choice: SecretStore) {
    var state = Self.onSave()
    state.save.store = kind
    state.save.command = TextInput("  pass show servicenow/prod ")
    var store = TestStore(state)
    Self.saving(&store, ProfileDraft(name: "dev12345", connection: Fixtures.draft, secretStore: choice))
  }

  @Test func anOAuthProfileCarriesItsClientAndTokensWithTheStore() {
    var state = Self.onSave(OAuthFixtures.withTokens(.oauthRefreshToken, on: .save))
    state.save.store = .environment
    guard let connection = state.connectionDraft else {
      Issue.record("no draft")
      return
    }
    #expect(connection.auth.tokens == OAuthFixtures.tokens)
    var store = TestStore(state)
    Self.saving(&store, ProfileDraft(name: "dev12345", connection: connection, secretStore: .environment))
    #expect(
      screenModel(for: state).items.last
        == .text("Set SNOWGATE_CLIENT_SECRET and SNOWGATE_REFRESH_TOKEN before use.", .dim))
    state.authType.selected = .oauthPassword
    #expect(
      screenModel(for: state).items.last
        == .text("Set SNOWGATE_CLIENT_SECRET and SNOWGATE_PASSWORD before use.", .dim))
    state.authType.selected = .basic
    #expect(screenModel(for: state).items.last == .text("Set SNOWGATE_PASSWORD before use.", .dim))
    state.authType.selected = .oauthAuthorizationCode
    #expect(screenModel(for: state).items.last == .text("Set SNOWGATE_CLIENT_SECRET before use.", .dim))
    state.oauthClient.clientSecret = SecretInput()
    #expect(
      screenModel(for: state).items.last == .text("Nothing to set: a public client has no secret.", .dim))
  }

  @Test(arguments: [
    ("", WizardState.commandMissing),
    ("   ", WizardState.commandMissing),
    ("pass show prod | head -1", WizardState.commandNeedsShell),
    ("echo $SECRET", WizardState.commandNeedsShell),
    ("sh -c 'pass show prod'", WizardState.commandNeedsShell),
  ])
  func aCommandMustBeRunnableWithoutAShell(command: String, problem: String) {
    var state = Self.onSave()
    state.save.store = .command
    state.save.command = TextInput(command)
    var store = TestStore(state)
    store.send(.enter) {
      $0.save.commandError = problem
      $0.save.focus = .command
    }
    store.send(.character("p")) {
      $0.save.command = TextInput(command + "p")
      $0.save.commandError = nil
    }
  }

  @Test func theCommandFieldExplainsItIsRunWithoutAShell() {
    var state = Self.onSave()
    state.save.store = .command
    state.save.focus = .command
    let model = screenModel(for: state)
    #expect(model.focus == 7)
    guard case .field(let field) = model.items[7] else {
      Issue.record("no command field")
      return
    }
    #expect(field.note == "Run without a shell; it must print only the secret.")
    #expect(field.placeholder == "e.g. pass show servicenow/prod")
  }

  static let unreadable = Verdict(
    code: "config.unreadable", summary: "~/.config/snowgate/config.json is not valid JSON (line 3).",
    remedies: ["snowgate will not overwrite it; move it aside or fix it by hand."])

  @Test func anUnreadableConfigIsMovedAsideOnlyWhenTheUserAgreesThenSaved() {
    var state = Self.onSave()
    state.save.isSaving = true
    state.activity = Activity(kind: .save)
    var store = TestStore(state)
    store.send(.saveFinished(.failed(Self.unreadable))) {
      $0.save.isSaving = false
      $0.save.failure = Self.unreadable
      $0.save.isMoveAsideOffered = true
      $0.activity = nil
    }
    let model = screenModel(for: store.state)
    #expect(model.dialog?.options == [KeyHint("y", "Move it aside and save"), KeyHint("n", "Not now")])
    store.send(.character("x"))
    store.send(.character("n")) { $0.save.isMoveAsideOffered = false }
    #expect(screenModel(for: store.state).messages.first?.title == Self.unreadable.summary)
    store.send(.enter, effects: [.saveProfile(ProfileDraft(name: "dev12345", connection: Fixtures.draft))]) {
      $0.save.isSaving = true
      $0.save.failure = nil
      $0.begin(.save)
    }
    store.send(.saveFinished(.failed(Self.unreadable))) {
      $0.save.isSaving = false
      $0.save.failure = Self.unreadable
      $0.save.isMoveAsideOffered = true
      $0.activity = nil
    }
    store.send(.character("y"), effects: [.moveBrokenConfigAside]) {
      $0.save.isMoveAsideOffered = false
      $0.save.isSaving = true
      $0.begin(.moveAside)
    }
    #expect(screenModel(for: store.state).progress?.label == "Moving the unreadable file aside…")
    let keptAs = "/home/ada/.config/snowgate/config.json.broken-20261127T213000Z"
    store.send(
      .brokenConfigMoved(.moved(keptAs: keptAs)),
      effects: [.saveProfile(ProfileDraft(name: "dev12345", connection: Fixtures.draft))]
    ) {
      $0.save.movedAsideTo = keptAs
      $0.save.failure = nil
      $0.begin(.save)
    }
    #expect(
      screenModel(for: store.state).messages
        == [ScreenMessage(kind: .info, title: "The unreadable file is kept as:", lines: [keptAs])])
  }

  @Test func aFailedMoveIsShownAndNothingIsSaved() {
    var state = Self.onSave()
    state.save.isSaving = true
    state.activity = Activity(kind: .moveAside)
    var store = TestStore(state)
    let verdict = Verdict(code: "config.move_failed", summary: "Could not rename config.json: read-only.")
    store.send(.saveFinished(.saved(location: "/tmp/x")))
    store.send(.brokenConfigMoved(.failed(verdict))) {
      $0.save.isSaving = false
      $0.save.failure = verdict
      $0.activity = nil
    }
    store.send(.brokenConfigMoved(.moved(keptAs: "/tmp/late")))
  }

  @Test func otherSaveFailuresDoNotOfferToMoveAnything() {
    var state = Self.onSave()
    state.save.isSaving = true
    state.activity = Activity(kind: .save)
    var store = TestStore(state)
    let full = Verdict(code: "profiles.write_failed", summary: "The disk is full.")
    store.send(.saveFinished(.failed(full))) {
      $0.save.isSaving = false
      $0.save.failure = full
      $0.activity = nil
    }
    #expect(screenModel(for: store.state).dialog == nil)
  }
}
