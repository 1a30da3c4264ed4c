import Testing
import Vocabulary

@testable import WizardCore

/// The test screen's live check lines: progress fills them, `r` runs them again, and Enter on
/// a failure goes to the screen that fixes it.
@Suite struct LiveCheckFlowTests {
  static let pendingDNS = CheckLineUpdate(id: "dns", title: "DNS", status: .pending)
  static let runningDNS = CheckLineUpdate(id: "dns", title: "DNS", status: .running)
  static let passedDNS = CheckLineUpdate(
    id: "dns", title: "DNS", status: .pass, detail: "1 address: 127.0.0.1", elapsedMilliseconds: 3)
  static let pendingAuth = CheckLineUpdate(id: "auth", title: "Auth", status: .pending)
  static let failedAuth = CheckLineUpdate(
    id: "auth", title: "Auth", status: .fail, detail: "HTTP 401", remedy: "Check the password.",
    elapsedMilliseconds: 40, code: "auth.basic_rejected")

  static func testing(_ draft: ConnectionDraft = Fixtures.draft, on state: WizardState? = nil) -> WizardState
  {
    var state = state ?? Fixtures.state(on: .test)
    state.test = TestStep(status: .testing(draft))
    state.activity = Activity(kind: .test)
    return state
  }

  @Test func progressAddsLinesAndReplacesThemByIDAsChecksFinish() {
    var store = TestStore(Self.testing())
    store.send(.checkProgress(Self.pendingDNS)) { $0.test.checks = [Self.pendingDNS] }
    store.send(.checkProgress(Self.pendingAuth)) { $0.test.checks = [Self.pendingDNS, Self.pendingAuth] }
    store.send(.checkProgress(Self.runningDNS)) { $0.test.checks = [Self.runningDNS, Self.pendingAuth] }
    store.send(.checkProgress(Self.passedDNS)) { $0.test.checks = [Self.passedDNS, Self.pendingAuth] }
    store.send(.checkProgress(Self.failedAuth)) { $0.test.checks = [Self.passedDNS, Self.failedAuth] }
    store.send(.testFinished(.failed(Fixtures.verdict401))) {
      $0.test.status = .failed(Fixtures.draft, Fixtures.verdict401)
      $0.activity = nil
    }
    let model = screenModel(for: store.state)
    #expect(model.items.contains(.check(Self.failedAuth.lineModel)))
    #expect(model.messages.first?.title == Fixtures.verdict401.summary)
  }

  @Test func progressOutsideARunIsIgnored() {
    var store = TestStore(Fixtures.state(on: .test))
    store.send(.checkProgress(Self.pendingDNS))
    var cancelled = TestStore(Self.testing())
    cancelled.send(.checkProgress(Self.runningDNS)) { $0.test.checks = [Self.runningDNS] }
    cancelled.send(.escape, effects: [.cancel(.test)]) {
      $0.test = TestStep()
      $0.activity = nil
    }
    cancelled.send(.checkProgress(Self.passedDNS))
  }

  @Test func rAfterAPassRunsTheChecksAgainWithClearedLines() {
    var state = Fixtures.state(on: .test)
    let report = TestReport(details: ["All checks passed."])
    state.test = TestStep(status: .passed(Fixtures.draft, report), checks: [Self.passedDNS])
    var store = TestStore(state)
    store.send(.character("r"), effects: [.testConnection(Fixtures.draft)]) {
      $0.test = TestStep(status: .testing(Fixtures.draft))
      $0.activity = Activity(kind: .test)
    }
    store.send(.character("r"))
  }

  @Test func rAfterAFailureRunsTheChecksAgainWhateverIsFocused() {
    var state = Fixtures.state(on: .test)
    state.test = TestStep(
      status: .failed(Fixtures.draft, Fixtures.verdict401), failureFocus: 2, checks: [Self.failedAuth])
    var store = TestStore(state)
    store.send(.character("R"), effects: [.testConnection(Fixtures.draft)]) {
      $0.test = TestStep(status: .testing(Fixtures.draft))
      $0.activity = Activity(kind: .test)
    }
  }

  @Test func enterOnAnAddressOrNetworkFailureOpensTheInstanceScreen() {
    for code in [
      "url.invalid", "dns.not_found", "tcp.refused", "tls.untrusted", "proxy.refused", "instance.hibernating",
    ] {
      var state = Fixtures.state(on: .test)
      let verdict = Verdict(code: code, summary: "It failed.")
      state.test = TestStep(status: .failed(Fixtures.draft, verdict), checks: [Self.passedDNS])
      var store = TestStore(state)
      store.send(.enter) { $0.screen = .instance }
    }
  }

  @Test func enterOnAForbiddenReadOpensTheCredentials() {
    for code in ["api.forbidden", "api.scope_missing", "auth.basic_rejected"] {
      var state = Fixtures.state(on: .test)
      state.credentials.focus = .username
      state.test = TestStep(status: .failed(Fixtures.draft, Verdict(code: code, summary: "No.")))
      var store = TestStore(state)
      store.send(.enter) {
        $0.credentials.focus = .password
        $0.screen = .credentials
      }
    }
  }

  @Test func enterOnAnOAuthFailureOpensTheClientScreen() {
    let state = OAuthFixtures.withTokens(.oauthClientCredentials, on: .test)
    let draft = ConnectionDraft(
      instanceURL: Fixtures.url,
      auth: .oauthClientCredentials(
        client: OAuthClient(clientID: "client-1", clientSecret: Secret(OAuthFixtures.clientSecret)),
        tokens: OAuthFixtures.clientCredentialTokens))
    var failed = state
    let verdict = Verdict(code: "oauth.invalid_client", summary: "The client was refused.")
    failed.test = TestStep(status: .failed(draft, verdict))
    var store = TestStore(failed)
    store.send(.enter) {
      $0.oauthClient.focus = .clientSecret
      $0.screen = .oauthClient
    }
  }

  @Test func theTestScreenShowsTheLinesWhileRunningWithASpinner() {
    var state = Self.testing()
    state.test.checks = [
      Self.passedDNS, CheckLineUpdate(id: "tcp", title: "TCP", status: .running), Self.pendingAuth,
    ]
    state.activity = Activity(kind: .test, startedAt: .seconds(1), frame: 4)
    let model = screenModel(for: state)
    let checks = model.items.compactMap { item -> CheckLineModel? in
      if case .check(let line) = item { return line }
      return nil
    }
    #expect(checks.map(\.status) == [.pass, .running, .pending])
    #expect(model.progress == ScreenProgress(label: "Running the checks…", frame: 4))
  }
}
