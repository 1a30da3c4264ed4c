import Foundation
import Testing
import Vocabulary

@testable import WizardCore

/// The transitions the main flow tests pass by: odd keys, impossible-looking states, late answers.
@Suite struct EdgeTransitionTests {
  @Test func escapeOnTheDoneScreenFinishesToo() {
    var store = TestStore(WizardState(screen: .done))
    store.send(.escape, effects: [.quit(.success)])
    store.send(.character("Q"), effects: [.quit(.success)])
  }

  @Test func upFromTheFirstAuthTypeWrapsToTheLast() {
    var store = TestStore(WizardState(screen: .authType))
    store.send(.up) { $0.authType.focus = AuthKind.allCases.last! }
    store.send(.down) { $0.authType.focus = .basic }
  }

  @Test func escapeOnAnIdleTestGoesBackToTheCredentials() {
    var store = TestStore(Fixtures.state(on: .test))
    store.send(.escape) { $0.screen = .credentials }
  }

  @Test func aTestWithoutAValidAddressSendsThePersonToTheAddress() {
    var state = Fixtures.state(on: .test)
    state.instance = InstanceStep(text: "http://acme.example.com")
    var store = TestStore(state)
    store.send(.enter) { $0.screen = .instance }
    #expect(store.state.activity == nil)
  }

  @Test func quitFromTheWelcomeMenuAsksWhenSomethingIsUnsaved() {
    var state = Fixtures.state(on: .welcome)
    state.welcome.focus = .quit
    var store = TestStore(state)
    store.send(.enter) { $0.isQuitDialogShown = true }
    store.send(.character("n")) { $0.isQuitDialogShown = false }
  }

  @Test func keysWhileLoadingAProfileWaitForTheAnswer() {
    var state = WizardState(screen: .pickProfile, savedProfiles: Fixtures.profiles)
    state.picker.isLoading = true
    state.activity = Activity(kind: .loadProfile)
    var store = TestStore(state)
    store.send(.down) { $0.scroll = 1 }  // nothing to move: it only scrolls
    store.send(.enter)
    store.send(.character("x"))
  }

  @Test func resultsForWorkThatIsNotRunningAreIgnored() {
    var store = TestStore(Fixtures.state(on: .save))
    store.send(.probeFinished(.hibernating))
    store.send(.testFinished(.failed(Fixtures.verdict401)))
    store.send(.saveFinished(.saved(location: "/tmp/x")))
    store.send(.profileLoadFailed(Fixtures.verdictDNS))
    store.send(
      .profileLoaded(SavedProfile(draft: SetupDraft(name: "x", instanceURL: URL(string: "https://x")!))))
  }

  @Test func pageKeysOnlyScrollOnEveryScreen() {
    for screen: WizardScreen in [.welcome, .instance, .authType, .credentials, .test, .save] {
      var store = TestStore(Fixtures.state(on: screen))
      store.send(.pageUp) { $0.scroll = -WizardState.scrollPage }
      store.send(.pageDown) { $0.scroll = 0 }
    }
  }
}
