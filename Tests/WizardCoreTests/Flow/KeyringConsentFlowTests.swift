import Testing
import Vocabulary

@testable import WizardCore

/// The save screen and the OS keyring: asked once, the default where it answers, and without
/// one the credentials file only after an explicit yes.
@Suite struct KeyringConsentFlowTests {
  static let noKeyring = "The keyring cannot be used: there is no D-Bus session here."

  /// The test screen with a passed test and the keyring not asked yet.
  static func passedTest() -> WizardState {
    var state = Fixtures.state(on: .test)
    state.save.keyring = .unknown
    state.test.status = .passed(Fixtures.draft, TestReport(details: []))
    return state
  }

  /// The save screen after the keyring answered `problem`.
  static func onSave(keyring problem: String?) -> TestStore {
    var store = TestStore(Self.passedTest())
    _ = reduce(&store.state, .key(.enter))
    _ = reduce(&store.state, .keyringChecked(problem: problem))
    return store
  }

  static func draft(_ store: SecretStore) -> ProfileDraft {
    ProfileDraft(name: "dev12345", connection: Fixtures.draft, secretStore: store)
  }

  @Test func theSaveScreenAsksTheKeyringOnce() {
    var store = TestStore(Self.passedTest())
    store.send(.enter, effects: [.checkKeyring]) {
      $0.screen = .save
      $0.save.name = TextInput("dev12345")
      $0.save.keyring = .checking
    }
    store.send(.escape) { $0.screen = .test }
    store.send(.enter) { $0.screen = .save }
    #expect(
      screenModel(for: store.state).items.contains { item in
        if case .choice(let choice) = item { return choice.detail == "Checking whether one answers here…" }
        return false
      })
  }

  @Test func whereAKeyringAnswersItIsTheDefault() {
    var store = Self.onSave(keyring: nil)
    #expect(store.state.save.keyring == .available && store.state.save.store == .keyring)
    store.send(.enter, effects: [.saveProfile(Self.draft(.keyring))]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
  }

  @Test func aLateAnswerDoesNotUndoAChosenStore() {
    var store = TestStore(Self.passedTest())
    _ = reduce(&store.state, .key(.enter))
    store.send(.down) { $0.save.focus = .store }
    store.send(.down) {
      $0.save.store = .command
      $0.save.isStoreChosen = true
    }
    store.send(.keyringChecked(problem: nil)) { $0.save.keyring = .available }
    // An answer nobody asked for changes nothing.
    store.send(.keyringChecked(problem: Self.noKeyring))
  }

  @Test func withoutAKeyringTheFileIsUsedOnlyAfterAnExplicitYes() {
    var store = Self.onSave(keyring: Self.noKeyring)
    #expect(store.state.save.store == .file)
    let model = screenModel(for: store.state)
    #expect(model.messages.first?.title == "No OS keyring answers here, so the secrets cannot go there.")
    #expect(model.messages.first?.lines.first == Self.noKeyring)
    store.send(.enter) { $0.save.isFileConsentAsked = true }
    #expect(screenModel(for: store.state).dialog?.title == "Keep the secrets in a plain file?")
    // Enter, the key that brought the question, does not answer it; nor does any other key.
    store.send(.enter)
    store.send(.character("x"))
    store.send(.character("n")) {
      $0.save.isFileConsentAsked = false
      $0.save.focus = .store
    }
    store.send(.enter) { $0.save.isFileConsentAsked = true }
    store.send(.character("y"), effects: [.saveProfile(Self.draft(.file))]) {
      $0.save.isFileConsentAsked = false
      $0.save.isFileAgreed = true
      $0.save.isSaving = true
      $0.begin(.save)
    }
  }

  @Test func theQuestionIsAskedAlsoWhileTheKeyringHasNotAnswered() {
    var store = TestStore(Self.passedTest())
    _ = reduce(&store.state, .key(.enter))
    store.send(.enter) { $0.save.isFileConsentAsked = true }
    #expect(
      screenModel(for: store.state).dialog?.lines.first
        == "The OS keyring has not answered yet, so the secrets would go to")
  }

  @Test func theKeyringIsRefusedWhereNoneAnswers() {
    var store = Self.onSave(keyring: Self.noKeyring)
    store.state.save.focus = .store
    store.state.save.store = .keyring
    store.send(.enter) {
      $0.save.failure = Verdict(
        code: WizardState.keyringUnavailableCode, summary: Self.noKeyring,
        remedies: [WizardState.chooseAnotherStore])
    }
    // Choosing another store takes the refusal away.
    store.send(.up) {
      $0.save.store = .ask
      $0.save.isStoreChosen = true
      $0.save.failure = nil
    }
    store.send(.enter, effects: [.saveProfile(Self.draft(.ask))]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
  }

  @Test func otherStoresNeedNoQuestion() {
    var store = Self.onSave(keyring: Self.noKeyring)
    store.state.save.store = .environment
    store.send(.enter, effects: [.saveProfile(Self.draft(.environment))]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
  }

  @Test func theDemoNeverAsksTheKeyring() {
    var state = Self.passedTest()
    state.context.practice = PracticeRun(
      keepsProfiles: false, realConfigPath: "~/.config/snowgate/config.json",
      realCredentialsPath: "~/.config/snowgate/credentials.json")
    var store = TestStore(state)
    store.send(.enter) {
      $0.screen = .save
      $0.save.name = TextInput("dev12345")
    }
  }
}
