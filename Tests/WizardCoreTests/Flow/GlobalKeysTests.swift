import Testing
import Vocabulary

@testable import WizardCore

@Suite struct GlobalKeysTests {
  @Test func helpOpensOnF1AndAnyKeyClosesItWithoutActing() {
    var store = TestStore(Fixtures.state(on: .credentials))
    store.send(.help) { $0.isHelpShown = true }
    store.send(.enter) { $0.isHelpShown = false }
    store.send(.help) { $0.isHelpShown = true }
    store.send(.help) { $0.isHelpShown = false }
  }

  @Test func ctrlCQuitsAtOnceWhenNothingIsUnsaved() {
    var store = TestStore(WizardState(screen: .instance))
    store.send(.interrupt, effects: [.quit(.cancelled)])
  }

  @Test func ctrlCWhileHelpIsShownStillQuits() {
    var state = WizardState(screen: .authType)
    state.isHelpShown = true
    var store = TestStore(state)
    store.send(.interrupt, effects: [.quit(.cancelled)]) { $0.isHelpShown = false }
  }

  @Test func ctrlCAsksFirstWhenSomethingIsUnsaved() {
    var store = TestStore(Fixtures.state(on: .credentials))
    store.send(.interrupt) { $0.isQuitDialogShown = true }
    store.send(.character("x"))
    store.send(.enter)
    store.send(.character("n")) { $0.isQuitDialogShown = false }
    store.send(.interrupt) { $0.isQuitDialogShown = true }
    store.send(.escape) { $0.isQuitDialogShown = false }
    store.send(.interrupt) { $0.isQuitDialogShown = true }
    store.send(
      .character("y"),
      effects: [.saveDraft(Fixtures.basicDraftSummary(step: "credentials")), .quit(.cancelled)]
    ) {
      $0.isQuitDialogShown = false
    }
  }

  @Test func ctrlCTwiceQuits() {
    var store = TestStore(Fixtures.state(on: .save))
    store.send(.interrupt) { $0.isQuitDialogShown = true }
    store.send(
      .interrupt, effects: [.saveDraft(Fixtures.basicDraftSummary(step: "save")), .quit(.cancelled)]
    ) {
      $0.isQuitDialogShown = false
    }
  }

  @Test func quittingDuringWorkCancelsItFirst() {
    var state = Fixtures.state(on: .test)
    state.test.status = .testing(Fixtures.draft)
    state.activity = Activity(kind: .test)
    var store = TestStore(state)
    store.send(.interrupt) { $0.isQuitDialogShown = true }
    store.send(
      .character("Y"),
      effects: [.cancel(.test), .saveDraft(Fixtures.basicDraftSummary(step: "test")), .quit(.cancelled)]
    ) {
      $0.isQuitDialogShown = false
      $0.test.status = .idle
      $0.activity = nil
    }
  }

  @Test func aPrefilledProbeQuitsAtOnceAndCancels() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "http://127.0.0.1:8080")
    var store = TestStore(state)
    let local = try! InstanceURL.normalise("http://127.0.0.1:8080").get()
    store.send(.enter, effects: [.probeInstance(local.url)]) {
      $0.instance.probe = .probing(local)
      $0.activity = Activity(kind: .probe)
    }
    store.send(.interrupt, effects: [.cancel(.probe), .quit(.cancelled)]) {
      $0.instance.probe = .idle
      $0.activity = nil
    }
  }

  @Test func ticksWithoutWorkChangeNothing() {
    var store = TestStore(Fixtures.state(on: .credentials))
    store.send(.tick(.seconds(1)))
    store.send(.tick(.seconds(2)))
  }

  @Test func theTestStoreFailsWhenTheStateDiffers() {
    withKnownIssue {
      var store = TestStore()
      store.send(.down) { $0.welcome.focus = .newConnection }
    }
    withKnownIssue {
      var store = TestStore()
      store.send(.escape, effects: [])
    }
  }

  @Test func aStateDumpNeverShowsThePassword() {
    let state = Fixtures.state(on: .credentials)
    var text = ""
    dump(state, to: &text)
    text += "\(state)" + String(reflecting: state)
    #expect(!text.contains("S3CR3T"))
    #expect(text.contains("admin"))
  }
}
