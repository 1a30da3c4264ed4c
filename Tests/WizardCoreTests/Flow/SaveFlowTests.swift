import Testing
import Vocabulary

@testable import WizardCore

@Suite struct SaveFlowTests {
  static func onSave(profiles: [ProfileChoice] = []) -> WizardState {
    var state = Fixtures.state(on: .save, profiles: profiles)
    state.test.status = .passed(Fixtures.draft, TestReport(details: ["Signed in as admin"]))
    state.save.name = TextInput("dev12345")
    return state
  }

  @Test func enterSavesAndSuccessShowsTheDoneScreen() {
    var store = TestStore(Self.onSave())
    store.send(.enter, effects: [.saveProfile(ProfileDraft(name: "dev12345", connection: Fixtures.draft))]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
    store.send(.escape)
    store.send(.character("x"))
    store.send(.saveFinished(.saved(location: "/home/ada/.config/snowgate/config.json"))) {
      $0.save.isSaving = false
      $0.activity = nil
      $0.done = DoneStep(
        profileName: "dev12345", location: "/home/ada/.config/snowgate/config.json", authKind: .basic)
      $0.hasUnsavedChanges = false
      $0.screen = .done
    }
    store.send(.character("x"))
    store.send(.enter, effects: [.quit(.success)])
    store.send(.character("q"), effects: [.quit(.success)])
    store.send(.interrupt, effects: [.quit(.success)])
  }

  @Test func aFailedSaveKeepsEverythingAndCanBeRetried() {
    var store = TestStore(Self.onSave())
    let draft = ProfileDraft(name: "dev12345", connection: Fixtures.draft)
    store.send(.enter, effects: [.saveProfile(draft)]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
    let verdict = Verdict(
      code: "profiles.write_failed", summary: "Could not write config.json: the disk is full.",
      remedies: ["Free some space, then press Enter to try again."])
    store.send(.saveFinished(.failed(verdict))) {
      $0.save.isSaving = false
      $0.save.failure = verdict
      $0.activity = nil
    }
    store.send(.enter, effects: [.saveProfile(draft)]) {
      $0.save.isSaving = true
      $0.save.failure = nil
      $0.begin(.save)
    }
  }

  @Test(arguments: [
    ("", "Type a name for this connection, e.g. dev12345."),
    ("my dev", "Use only letters, digits, -, _ and . (no spaces), e.g. dev12345."),
    ("dév", "Use only letters, digits, -, _ and . (no spaces), e.g. dev12345."),
    ("../etc", "Use only letters, digits, -, _ and . (no spaces), e.g. dev12345."),
    (".hidden", "Start the name with a letter or digit, e.g. dev12345."),
    ("-x", "Start the name with a letter or digit, e.g. dev12345."),
    (String(repeating: "a", count: 65), "Keep the name to 64 characters, e.g. dev12345."),
  ])
  func refusesBadNames(name: String, problem: String) {
    var state = Self.onSave()
    state.save.name = TextInput(name)
    var store = TestStore(state)
    store.send(.enter) { $0.save.nameError = problem }
  }

  @Test func acceptsLettersDigitsAndSeparators() {
    let state = Self.onSave()
    for name in ["prod", "dev12345", "acme_prod-2", "v1.2", "A"] {
      #expect(state.profileNameProblem(name) == nil, "\(name)")
    }
  }

  @Test func namesMustBeUniqueUnlessEditingThatProfile() {
    var state = Self.onSave(profiles: Fixtures.profiles)
    #expect(state.suggestedProfileName == "dev12345-2")
    var store = TestStore(state)
    store.send(.enter) {
      $0.save.nameError = "A connection named dev12345 exists already; pick another, e.g. dev12345-2."
    }
    store.send(.clearField) {
      $0.save.name = TextInput()
      $0.save.isNameEdited = true
      $0.save.nameError = nil
    }
    state.editingProfileName = "dev12345"
    store = TestStore(state)
    let draft = ProfileDraft(name: "dev12345", connection: Fixtures.draft, replacing: "dev12345")
    store.send(.enter, effects: [.saveProfile(draft)]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
  }

  @Test func aTypedNameSurvivesGoingBackAndForth() {
    var store = TestStore(Self.onSave())
    store.send(.clearField) {
      $0.save.name = TextInput()
      $0.save.isNameEdited = true
    }
    store.type("lab") { $0.save.name = TextInput("lab") }
    store.send(.escape) { $0.screen = .test }
    store.send(.enter) { $0.screen = .save }
  }

  @Test func suggestedNamesComeFromTheHost() {
    var state = Fixtures.state(on: .save)
    for (input, name) in [
      ("dev12345", "dev12345"), ("https://itsm.example.com", "itsm"), ("localhost:8080", "local"),
      ("https://10.0.0.5", "instance"), ("https://[2001:db8::1]", "instance"), ("bad url", "instance"),
    ] {
      state.instance = InstanceStep(text: input)
      #expect(state.suggestedProfileName == name, "\(input)")
    }
  }

  @Test func saveAnywayIsRecordedInTheDraft() {
    var state = Self.onSave()
    state.save.isDespiteFailedTest = true
    var store = TestStore(state)
    let draft = ProfileDraft(name: "dev12345", connection: Fixtures.draft, savedDespiteFailedTest: true)
    store.send(.enter, effects: [.saveProfile(draft)]) {
      $0.save.isSaving = true
      $0.begin(.save)
    }
  }
}
