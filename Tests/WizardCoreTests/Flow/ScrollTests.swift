import Testing

@testable import WizardCore

/// PgUp/PgDn, and ↑/↓ past the ends of a list, scroll a screen that does not fit.
@Suite struct ScrollTests {
  @Test func pageKeysAndArrowsPastTheLastChoiceScroll() {
    var state = Fixtures.state(on: .test)
    state.test.status = .failed(Fixtures.draft, Fixtures.verdictDNS)
    var store = TestStore(state)
    store.send(.pageUp) { $0.scroll = -WizardState.scrollPage }
    store.send(.up) { $0.scroll = -WizardState.scrollPage - 1 }
    #expect(screenModel(for: store.state).scroll == -WizardState.scrollPage - 1)
    store.send(.scrollSettled(-4)) { $0.scroll = -4 }
    store.send(.pageDown) { $0.scroll = WizardState.scrollPage - 4 }
    store.send(.down) {
      $0.test.failureFocus = 1
      $0.scroll = 0
    }
    store.send(.down) { $0.test.failureFocus = 2 }
    store.send(.down) { $0.scroll = 1 }
    store.send(.escape) {
      $0.scroll = 0
      $0.screen = .credentials
    }
  }
}
