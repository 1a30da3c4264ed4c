import Testing
import Vocabulary

@testable import WizardCore

@Suite struct InstanceFlowTests {
  @Test func typingKeepsTheNormalisedAddressCurrent() {
    var store = TestStore(WizardState(screen: .instance))
    store.send(.character("d")) {
      $0.instance.input = TextInput("d")
      $0.instance.normalised = .success(
        NormalisedInstance(address: "https://d.service-now.com", host: "d.service-now.com"))
      $0.hasUnsavedChanges = true
    }
    store.type("ev12345") {
      $0.instance.input = TextInput("dev12345")
      $0.instance.normalised = .success(Fixtures.instance)
    }
  }

  @Test func cursorKeysEditInTheMiddle() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev1234")
    var store = TestStore(state)
    store.send(.left) { $0.instance.input.cursor = 6 }
    store.send(.character("9")) {
      $0.instance.input = TextInput("dev12394", cursor: 7)
      $0.instance.normalised = InstanceURL.normalise("dev12394")
      $0.hasUnsavedChanges = true
    }
    store.send(.home) { $0.instance.input.cursor = 0 }
    store.send(.delete) {
      $0.instance.input = TextInput("ev12394", cursor: 0)
      $0.instance.normalised = InstanceURL.normalise("ev12394")
    }
    store.send(.backspace)
    store.send(.end) { $0.instance.input.cursor = 7 }
    store.send(.backspace) {
      $0.instance.input = TextInput("ev1239")
      $0.instance.normalised = InstanceURL.normalise("ev1239")
    }
    store.send(.right)
    store.send(.clearField) {
      $0.instance.input = TextInput("")
      $0.instance.normalised = .failure(.empty)
    }
  }

  @Test func enterOnAnInvalidAddressShowsWhyAndTypingClearsIt() {
    var store = TestStore(WizardState(screen: .instance))
    store.type("http://acme.example.com") {
      $0.instance.input = TextInput("http://acme.example.com")
      $0.instance.normalised = .failure(.plainHTTPNotAllowed(suggestion: "https://acme.example.com"))
      $0.hasUnsavedChanges = true
    }
    store.send(.enter) { $0.instance.error = .plainHTTPNotAllowed(suggestion: "https://acme.example.com") }
    store.send(.home) { $0.instance.input.cursor = 0 }
    store.send(.delete) {
      $0.instance.input = TextInput("ttp://acme.example.com", cursor: 0)
      $0.instance.normalised = InstanceURL.normalise("ttp://acme.example.com")
      $0.instance.error = nil
    }
  }

  @Test func enterProbesAndTicksAnimateTheProgress() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    var store = TestStore(state)
    store.send(.enter, effects: [.probeInstance(Fixtures.url)]) {
      $0.instance.probe = .probing(Fixtures.instance)
      $0.begin(.probe)
    }
    store.send(.tick(.milliseconds(5_000))) {
      $0.activity = Activity(
        kind: .probe, serial: $0.activity?.id.serial ?? 0, startedAt: .milliseconds(5_000), frame: 1,
        elapsedSeconds: 0)
    }
    store.send(.tick(.milliseconds(7_100))) {
      $0.activity = Activity(
        kind: .probe, serial: $0.activity?.id.serial ?? 0, startedAt: .milliseconds(5_000), frame: 2,
        elapsedSeconds: 2)
    }
    store.send(.character("x"))
    store.send(.enter)
    store.send(.probeFinished(.reachable)) {
      $0.instance.probe = .finished(Fixtures.instance, .reachable)
      $0.activity = nil
    }
    store.send(.tick(.milliseconds(7_200)))
    store.send(.enter) { $0.screen = .authType }
  }

  @Test func aProblemStillLetsThePersonContinue() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    state.instance.probe = .probing(Fixtures.instance)
    state.activity = Activity(kind: .probe)
    var store = TestStore(state)
    store.send(.probeFinished(.unreachable(Fixtures.verdictDNS))) {
      $0.instance.probe = .finished(Fixtures.instance, .unreachable(Fixtures.verdictDNS))
      $0.activity = nil
    }
    store.send(.enter) { $0.screen = .authType }
  }

  @Test func escapeAfterAResultGoesBackToEditingThenToWelcome() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    state.instance.probe = .finished(Fixtures.instance, .hibernating)
    var store = TestStore(state)
    store.send(.escape) { $0.instance.probe = .idle }
    store.send(.escape) { $0.screen = .welcome }
  }

  @Test func editingAfterAResultDropsTheResult() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    state.instance.probe = .finished(Fixtures.instance, .reachable)
    var store = TestStore(state)
    store.send(.left) { $0.instance.input.cursor = 7 }
    store.send(.backspace) {
      $0.instance.input = TextInput("dev1235", cursor: 6)
      $0.instance.normalised = InstanceURL.normalise("dev1235")
      $0.instance.probe = .idle
      $0.hasUnsavedChanges = true
    }
  }

  @Test func escapeWhileProbingCancelsAndALateResultIsIgnored() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    state.instance.probe = .probing(Fixtures.instance)
    state.activity = Activity(kind: .probe, startedAt: .seconds(1), frame: 3, elapsedSeconds: 0)
    var store = TestStore(state)
    store.send(.escape, effects: [.cancel(.probe)]) {
      $0.instance.probe = .idle
      $0.activity = nil
    }
    store.send(.probeFinished(.reachable))
    #expect(store.state.instance.input.text == "dev12345")
  }

  @Test func authTypeOffersEveryKindAndRemembersTheChoice() {
    var store = TestStore(Fixtures.state(on: .authType))
    store.state.authType = AuthTypeStep()
    store.send(.down) { $0.authType.focus = .oauthPassword }
    store.send(.up) { $0.authType.focus = .basic }
    store.send(.enter) {
      $0.authType.selected = .basic
      // A newly chosen kind starts on its first credentials field.
      $0.credentials.focus = .username
      $0.screen = .credentials
    }
    store.send(.escape) { $0.screen = .authType }
    store.send(.escape) { $0.screen = .instance }
    store.send(.enter) { $0.screen = .authType }
  }

  @Test func choosingBasicTheFirstTimeCountsAsUnsaved() {
    var store = TestStore(WizardState(screen: .authType))
    store.send(.enter) {
      $0.authType.selected = .basic
      $0.hasUnsavedChanges = true
      $0.screen = .credentials
    }
  }
}
