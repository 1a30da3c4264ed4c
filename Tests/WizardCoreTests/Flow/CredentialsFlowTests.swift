import Testing
import Vocabulary

@testable import WizardCore

@Suite struct CredentialsFlowTests {
  static func emptyCredentials() -> WizardState {
    var state = Fixtures.state(on: .credentials)
    state.credentials = CredentialsStep()
    return state
  }

  @Test func typingFillsTheFocusedFieldAndTabMoves() {
    var store = TestStore(Self.emptyCredentials())
    store.type("admin") { $0.credentials.username = TextInput("admin") }
    store.send(.tab) { $0.credentials.focus = .password }
    store.type(Fixtures.password) { $0.credentials.password = SecretInput(Secret(Fixtures.password)) }
    store.send(.backTab) { $0.credentials.focus = .username }
    store.send(.down) { $0.credentials.focus = .password }
    store.send(.up) { $0.credentials.focus = .username }
  }

  @Test func enterOnTheUserNameMovesToAnEmptyPassword() {
    var store = TestStore(Self.emptyCredentials())
    store.type("admin") { $0.credentials.username = TextInput("admin") }
    store.send(.enter) { $0.credentials.focus = .password }
  }

  @Test func enterWithEmptyFieldsSaysWhatIsMissingAndTypingClearsIt() {
    var store = TestStore(Self.emptyCredentials())
    store.send(.enter) {
      $0.credentials.usernameError = WizardState.usernameMissing
      $0.credentials.passwordError = WizardState.passwordMissing
    }
    store.send(.character("a")) {
      $0.credentials.username = TextInput("a")
      $0.credentials.usernameError = nil
    }
    store.send(.enter) { $0.credentials.focus = .password }
    store.send(.tab) { $0.credentials.focus = .username }
    store.send(.tab) { $0.credentials.focus = .password }
    store.send(.enter) { $0.credentials.passwordError = WizardState.passwordMissing }
    store.send(.character("p")) {
      $0.credentials.password = SecretInput(Secret("p"))
      $0.credentials.passwordError = nil
    }
  }

  @Test func revealLastsOnlyWhileOnThisScreen() {
    var store = TestStore(Fixtures.state(on: .credentials))
    store.send(.toggleReveal) { $0.credentials.isPasswordRevealed = true }
    store.send(.toggleReveal) { $0.credentials.isPasswordRevealed = false }
    store.send(.toggleReveal) { $0.credentials.isPasswordRevealed = true }
    store.send(.escape) {
      $0.credentials.isPasswordRevealed = false
      $0.screen = .authType
    }
    store.send(.enter) { $0.screen = .credentials }
    store.send(.toggleReveal) { $0.credentials.isPasswordRevealed = true }
    store.send(.enter) {
      $0.credentials.isPasswordRevealed = false
      $0.screen = .test
    }
  }

  @Test func revealOnOtherScreensDoesNothing() {
    var store = TestStore(Fixtures.state(on: .test))
    store.send(.toggleReveal)
    store.state.screen = .instance
    store.send(.toggleReveal)
  }

  @Test func passwordEditingHonoursTheCursor() {
    var store = TestStore(Fixtures.state(on: .credentials))
    store.state.credentials.password = SecretInput(Secret("abc"))
    store.send(.left) { $0.credentials.password.cursor = 2 }
    store.send(.backspace) { $0.credentials.password = SecretInput(Secret("ac"), cursor: 1) }
    store.send(.clearField) { $0.credentials.password = SecretInput() }
  }
}
