import Foundation
import Testing
import Vocabulary

@testable import WizardCore

/// Answers name the operation that asked for them; only the one in flight is heard.
@Suite struct OperationIdentityTests {
  static let rejected = Verdict(
    code: "auth.basic_rejected", summary: "The instance refused the user name and password (401).",
    remedies: ["Check the password."])

  @Test func aLateDiagnoseAnswerCannotLandInANewerTest() throws {
    // The diagnose screen of `prod` with its checks running, as Enter on the welcome screen leaves it.
    var state = WizardState(screen: .welcome, savedProfiles: Fixtures.profiles)
    _ = state.startDiagnosis(of: "prod")
    let diagnosis = try #require(state.activity?.id)
    #expect(diagnosis.kind == .diagnose)
    var store = TestStore(state)
    // Esc stops it; then a new setup reaches its test.
    store.send(.escape, effects: [.cancel(.diagnose)]) {
      $0.activity = nil
      $0.screen = .welcome
    }
    var testing = Fixtures.state(on: .test)
    testing.startedOperations = store.state.startedOperations
    testing.savedProfiles = Fixtures.profiles
    testing.diagnosis = store.state.diagnosis
    store.state = testing
    store.send(.enter, effects: [.testConnection(Fixtures.draft)]) {
      $0.test.status = .testing(Fixtures.draft)
      $0.begin(.test)
    }
    let test = try #require(store.state.activity?.id)
    #expect(test != diagnosis)
    // The diagnosis's lines and verdict, already on their way, arrive now: nothing changes.
    store.send(
      .result(of: diagnosis, .checkProgress(CheckLineUpdate(id: "dns", title: "DNS", status: .fail))))
    store.send(.result(of: diagnosis, .testFinished(.failed(Self.rejected))))
    // The test's own answer is taken.
    store.send(.result(of: test, .testFinished(.failed(Self.rejected)))) {
      $0.activity = nil
      $0.test.status = .failed(Fixtures.draft, Self.rejected)
    }
  }

  @Test func anAnswerOfAReplacedRunOfTheSameKindIsDropped() throws {
    var state = Fixtures.state(on: .test)
    _ = reduce(&state, .key(.enter))
    let first = try #require(state.activity?.id)
    _ = reduce(&state, .key(.escape))
    _ = reduce(&state, .key(.enter))
    let second = try #require(state.activity?.id)
    #expect(first.kind == second.kind && first != second)
    var store = TestStore(state)
    store.send(.result(of: first, .testFinished(.failed(Self.rejected))))
    #expect(store.state.activity?.id == second)
  }

  @Test func theBrowserAttemptKeepsItsIdentityWhenTheListenerStarts() throws {
    var state = OAuthFixtures.state(.oauthAuthorizationCode, on: .token)
    _ = reduce(&state, .key(.enter))
    let attempt = try #require(state.activity?.id)
    #expect(attempt.kind == .authorization)
    _ = reduce(
      &state,
      .result(
        of: attempt,
        .authorizationStarted(
          authorizeURL: URL(string: "https://dev12345.service-now.com/oauth_auth.do")!,
          listeningOn: "http://127.0.0.1:8484/callback", timeoutSeconds: 300)))
    #expect(state.activity?.id == attempt)
    guard case .waiting = state.authorization.status else {
      Issue.record("the attempt is not waiting: \(state.authorization.status)")
      return
    }
  }

  @Test func aProviderFoundAfterTheProbeEndedIsIgnored() {
    var state = Fixtures.state(on: .instance)
    let provider = IdentityProviderRedirect(host: "idp.example.test", kind: .oidc)
    var store = TestStore(state)
    store.send(.singleSignOnFound(provider))
    state = store.state
    #expect(state.instance.singleSignOn == nil)
    #expect(state.authType.focus == .basic)
  }
}
