import Foundation
import Testing
import Vocabulary

@testable import WizardCore

@Suite struct WelcomeFlowTests {
  @Test func startRecordsSavedProfilesAndPrefillsTheInstanceAndName() {
    var store = TestStore()
    store.send(
      .start(
        savedProfiles: Fixtures.profiles, prefilledInstance: "http://127.0.0.1:8080", profileName: "demo")
    ) {
      $0.savedProfiles = Fixtures.profiles
      $0.instance = InstanceStep(text: "http://127.0.0.1:8080")
      $0.save.name = TextInput("demo")
      $0.save.isNameEdited = true
      $0.screen = .instance  // a new name skips the welcome screen
    }
    #expect(store.state.instance.normalised.map(\.address) == .success("http://127.0.0.1:8080"))
  }

  @Test func focusSkipsSavedProfileChoicesWhenThereAreNone() {
    var store = TestStore()
    store.send(.down) { $0.welcome.focus = .quit }
    store.send(.tab) { $0.welcome.focus = .newConnection }
    store.send(.up) { $0.welcome.focus = .quit }
    store.send(.backTab) { $0.welcome.focus = .newConnection }
  }

  @Test func focusVisitsEveryChoiceWhenProfilesExist() {
    var store = TestStore(WizardState(savedProfiles: Fixtures.profiles))
    store.send(.down) { $0.welcome.focus = .editSaved }
    store.send(.down) { $0.welcome.focus = .diagnoseSaved }
    store.send(.down) { $0.welcome.focus = .quit }
    store.send(.down) { $0.welcome.focus = .newConnection }
  }

  @Test func enterOnNewConnectionOpensTheInstanceScreen() {
    var store = TestStore()
    store.send(.enter) { $0.screen = .instance }
  }

  @Test func escapeAndQuitLeaveAtOnceWhenNothingWasTyped() {
    var store = TestStore()
    store.send(.escape, effects: [.quit(.cancelled)])
    store.send(.up) { $0.welcome.focus = .quit }
    store.send(.enter, effects: [.quit(.cancelled)])
  }

  @Test func escapeOnWelcomeAsksFirstWhenSomethingWasTyped() {
    var state = WizardState()
    state.hasUnsavedChanges = true
    var store = TestStore(state)
    store.send(.escape) { $0.isQuitDialogShown = true }
  }

  @Test func goingBackToWelcomeAndForwardKeepsWhatWasTyped() {
    var store = TestStore(WizardState(screen: .instance))
    store.type("acme") {
      $0.instance.input = TextInput("acme")
      $0.instance.normalised = InstanceURL.normalise("acme")
      $0.hasUnsavedChanges = true
    }
    store.send(.escape) { $0.screen = .welcome }
    store.send(.enter) { $0.screen = .instance }
    #expect(store.state.instance.input.text == "acme")
  }

  @Test func editingASavedProfileLoadsItAndOpensTheInstanceScreen() {
    var store = TestStore(WizardState(savedProfiles: Fixtures.profiles))
    store.send(.down) { $0.welcome.focus = .editSaved }
    store.send(.enter) {
      $0.picker = ProfilePickerStep(purpose: .edit)
      $0.screen = .pickProfile
    }
    store.send(.down) { $0.picker.focus = 1 }
    store.send(.enter, effects: [.loadProfile(name: "dev12345")]) {
      $0.picker.isLoading = true
      $0.begin(.loadProfile)
    }
    let saved = SavedProfile(
      draft: SetupDraft(
        name: "dev12345", instanceURL: URL(string: "https://dev12345.service-now.com")!, authType: .basic,
        username: "admin", secretStore: .file),
      password: Secret(Fixtures.password))
    store.send(.profileLoaded(saved)) {
      $0.picker.isLoading = false
      $0.activity = nil
      $0.instance = InstanceStep(text: "https://dev12345.service-now.com")
      $0.authType = AuthTypeStep(focus: .basic, selected: .basic)
      $0.credentials = CredentialsStep(
        username: TextInput("admin"), password: SecretInput(Secret(Fixtures.password)))
      $0.save = SaveStep(name: TextInput("dev12345"), isNameEdited: true)
      // Saved in the file before: editing it keeps it there without asking again.
      $0.save.isStoreChosen = true
      $0.save.isFileAgreed = true
      $0.editingProfileName = "dev12345"
      $0.screen = .instance
    }
  }

  @Test func aFailedLoadIsShownOnThePicker() {
    var state = WizardState(screen: .pickProfile, savedProfiles: Fixtures.profiles)
    state.picker.isLoading = true
    state.activity = Activity(kind: .loadProfile)
    var store = TestStore(state)
    let verdict = Verdict(code: "profiles.unreadable", summary: "config.json is not valid JSON.")
    store.send(.profileLoadFailed(verdict)) {
      $0.picker.isLoading = false
      $0.picker.failure = verdict
      $0.activity = nil
    }
    store.send(.escape) {
      $0.picker.failure = nil
      $0.screen = .welcome
    }
  }

  @Test func escapeWhileLoadingCancelsAndALateAnswerIsIgnored() {
    var state = WizardState(screen: .pickProfile, savedProfiles: Fixtures.profiles)
    state.picker.isLoading = true
    state.activity = Activity(kind: .loadProfile)
    var store = TestStore(state)
    store.send(.escape, effects: [.cancel(.loadProfile)]) {
      $0.picker.isLoading = false
      $0.activity = nil
    }
    store.send(
      .profileLoaded(
        SavedProfile(
          draft: SetupDraft(name: "prod", instanceURL: URL(string: "https://acme.service-now.com")!))))
  }

  @Test func diagnosingASavedProfileHandsItToTheRuntime() {
    var store = TestStore(WizardState(savedProfiles: Fixtures.profiles))
    store.send(.down) { $0.welcome.focus = .editSaved }
    store.send(.down) { $0.welcome.focus = .diagnoseSaved }
    store.send(.enter) {
      $0.picker = ProfilePickerStep(purpose: .diagnose)
      $0.screen = .pickProfile
    }
    store.send(.up) { $0.picker.focus = 1 }
    store.send(.up) { $0.picker.focus = 0 }
    store.send(.enter, effects: [.diagnose(profileName: "prod")]) {
      $0.diagnosis = DiagnoseStep(profileName: "prod")
      $0.begin(.diagnose)
      $0.screen = .diagnose
    }
  }

  @Test func aNewSetupAfterEditingStartsFresh() {
    var state = Fixtures.state(on: .welcome, profiles: Fixtures.profiles)
    state.editingProfileName = "dev12345"
    var store = TestStore(state)
    store.send(.enter) {
      $0 = WizardState(screen: .instance, savedProfiles: Fixtures.profiles)
    }
  }
}
