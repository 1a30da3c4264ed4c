import Testing
import Vocabulary

@testable import WizardCore

@Suite struct TestStepFlowTests {
  @Test func enterRunsTheTestAndAPassLeadsToSave() {
    var store = TestStore(Fixtures.state(on: .test))
    store.send(.enter, effects: [.testConnection(Fixtures.draft)]) {
      $0.test.status = .testing(Fixtures.draft)
      $0.activity = Activity(kind: .test)
    }
    store.send(.tick(.seconds(3))) { $0.activity = Activity(kind: .test, startedAt: .seconds(3), frame: 1) }
    store.send(.enter)
    let report = TestReport(details: ["Signed in as admin", "Read sys_user", "Read sys_db_object"])
    store.send(.testFinished(.passed(report))) {
      $0.test.status = .passed(Fixtures.draft, report)
      $0.activity = nil
    }
    store.send(.enter) {
      $0.save.name = TextInput("dev12345")
      $0.screen = .save
    }
    store.send(.escape) { $0.screen = .test }
    store.send(.escape) { $0.screen = .credentials }
  }

  @Test func aRejectedPasswordOffersToChangeItFirst() {
    var state = Fixtures.state(on: .test)
    state.test.status = .testing(Fixtures.draft)
    state.activity = Activity(kind: .test)
    state.credentials.focus = .username
    var store = TestStore(state)
    store.send(.testFinished(.failed(Fixtures.verdict401))) {
      $0.test.status = .failed(Fixtures.draft, Fixtures.verdict401)
      $0.activity = nil
    }
    store.send(.enter) {
      $0.credentials.focus = .password
      $0.screen = .credentials
    }
  }

  @Test func saveAnywayIsAnExplicitChoiceAfterAFailure() {
    var state = Fixtures.state(on: .test)
    state.test.status = .failed(Fixtures.draft, Fixtures.verdict403)
    var store = TestStore(state)
    #expect(TestFailureAction.choices(for: Fixtures.verdict403) == [.editCredentials, .retry, .saveAnyway])
    store.send(.down) { $0.test.failureFocus = 1 }
    store.send(.down) { $0.test.failureFocus = 2 }
    store.send(.enter) {
      $0.save.isDespiteFailedTest = true
      $0.save.name = TextInput("dev12345")
      $0.screen = .save
    }
  }

  @Test func retryAfterAFailureRunsTheTestAgain() {
    var state = Fixtures.state(on: .test)
    state.test = TestStep(status: .failed(Fixtures.draft, Fixtures.verdictDNS), failureFocus: 2)
    var store = TestStore(state)
    store.send(.up) { $0.test.failureFocus = 1 }
    store.send(.up) { $0.test.failureFocus = 0 }
    store.send(.backTab) { $0.test.failureFocus = 2 }
    store.send(.tab) { $0.test.failureFocus = 0 }
    store.send(.tab) { $0.test.failureFocus = 1 }
    store.send(.enter, effects: [.testConnection(Fixtures.draft)]) {
      $0.test = TestStep(status: .testing(Fixtures.draft))
      $0.activity = Activity(kind: .test)
    }
  }

  @Test func aNetworkFailureOffersToChangeTheAddress() {
    var state = Fixtures.state(on: .test)
    state.test = TestStep(status: .failed(Fixtures.draft, Fixtures.verdictDNS))
    var store = TestStore(state)
    store.send(.enter) { $0.screen = .instance }
  }

  @Test func escapeWhileTestingCancelsAndALateResultIsIgnored() {
    var state = Fixtures.state(on: .test)
    state.test.status = .testing(Fixtures.draft)
    state.activity = Activity(kind: .test)
    var store = TestStore(state)
    store.send(.character("x"))
    store.send(.escape, effects: [.cancel(.test)]) {
      $0.test.status = .idle
      $0.activity = nil
    }
    store.send(.testFinished(.passed(TestReport(details: []))))
  }

  @Test func aResultGoesStaleWhenTheCredentialsChange() {
    var state = Fixtures.state(on: .credentials)
    let report = TestReport(details: ["Signed in as admin"])
    state.test.status = .passed(Fixtures.draft, report)
    var store = TestStore(state)
    store.send(.enter) { $0.screen = .test }
    #expect(store.state.test.status == .passed(Fixtures.draft, report))
    store.send(.escape) { $0.screen = .credentials }
    store.send(.character("!")) {
      $0.credentials.password = SecretInput(Secret(Fixtures.password + "!"))
    }
    store.send(.enter) {
      $0.test = TestStep()
      $0.screen = .test
    }
  }
}
