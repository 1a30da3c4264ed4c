import Foundation
import Testing
import Vocabulary

@testable import WizardCore

@Suite struct TokenFlowTests {
  static func request(_ kind: AuthKind, grant: OAuthGrant) -> TokenRequestDraft {
    TokenRequestDraft(
      instanceURL: Fixtures.url, grant: grant, clientID: "client-1",
      clientSecret: Secret(OAuthFixtures.clientSecret))
  }

  @Test(arguments: [
    (
      AuthKind.oauthPassword,
      OAuthGrant.password(username: "admin", password: Secret(OAuthFixtures.password))
    ),
    (.oauthRefreshToken, .refreshToken(Secret(OAuthFixtures.refreshToken))),
    (.oauthClientCredentials, .clientCredentials),
  ])
  func generateSendsTheGrantAndAnAnswerIsShown(kind: AuthKind, grant: OAuthGrant) {
    var store = TestStore(OAuthFixtures.state(kind, on: .token))
    let draft = OAuthFixtures.clientDraft(kind)
    store.send(.enter, effects: [.requestToken(Self.request(kind, grant: grant))]) {
      $0.token = TokenStep(status: .requesting, source: draft)
      $0.activity = Activity(kind: .token)
    }
    store.send(.tick(.seconds(10))) {
      $0.activity = Activity(kind: .token, startedAt: .seconds(10), frame: 1)
    }
    store.send(.tick(.seconds(12))) {
      $0.activity = Activity(kind: .token, startedAt: .seconds(10), frame: 2, elapsedSeconds: 2)
    }
    #expect(screenModel(for: store.state).progress?.elapsedSeconds == 2)
    store.send(.key(.character("x")))
    store.send(.tokenFinished(.received(OAuthFixtures.tokens))) {
      $0.token.status = .received(OAuthFixtures.tokens)
      $0.activity = nil
    }
    #expect(
      Self.request(kind, grant: grant).endpoint.absoluteString == Fixtures.url.absoluteString
        + "/oauth_token.do")
  }

  @Test func whatWillBeSentIsShownWithSecretsMasked() {
    let model = screenModel(for: OAuthFixtures.state(.oauthPassword, on: .token))
    #expect(model.step == "Step 4 of 6")
    #expect(
      model.items == [
        .text("Endpoint  https://dev12345.service-now.com/oauth_token.do", .normal),
        .text("Grant     password, as admin", .normal),
        .text("Client ID client-1", .normal),
        .text("Scope     (the client's default)", .normal),
        .text("Secrets   client secret ••••••••, password ••••••••", .dim),
        .action(ActionModel(label: "Generate token")),
      ])
    #expect(model.focus == 5)
    #expect(model.hints.first == KeyHint("Enter", "Generate"))
  }

  @Test func escapeCancelsTheRequestAndALateAnswerIsIgnored() {
    var state = OAuthFixtures.state(.oauthPassword, on: .token)
    state.token = TokenStep(status: .requesting, source: state.oauthClientDraft)
    state.activity = Activity(kind: .token)
    var store = TestStore(state)
    store.send(.escape, effects: [.cancel(.token)]) {
      $0.token.status = .idle
      $0.activity = nil
    }
    store.send(.tokenFinished(.received(OAuthFixtures.tokens)))
  }

  @Test func theReceivedTokenShowsTypeScopeExpiryAndRefresh() {
    var store = TestStore(OAuthFixtures.withTokens(.oauthPassword, on: .token))
    var model = screenModel(for: store.state)
    #expect(
      model.messages == [
        ScreenMessage(
          kind: .success, title: "The instance issued a token.",
          lines: [
            "Type      Bearer",
            "Scope     useraccount",
            "Expires   2026-11-27 20:29:59 UTC (in 29:59)",
            "Refresh   yes; snowgate renews the access token by itself.",
          ])
      ])
    #expect(model.items.last == .action(ActionModel(label: "Test the connection")))
    #expect(store.state.needsTicks)
    // The countdown follows the ticks from the first one after the tokens arrived.
    store.send(.tick(.seconds(100))) { $0.token.receivedAtTick = .seconds(100) }
    store.send(.tick(.milliseconds(161_500))) { $0.token.secondsSinceReceipt = 61 }
    model = screenModel(for: store.state)
    #expect(model.messages.first?.lines[2] == "Expires   2026-11-27 20:29:59 UTC (in 28:58)")
    store.send(.tick(.seconds(2000))) { $0.token.secondsSinceReceipt = 1900 }
    model = screenModel(for: store.state)
    #expect(model.messages.first?.kind == .warning)
    #expect(
      model.messages.first?.lines[2]
        == "Expires   2026-11-27 20:29:59 UTC (expired; press r and generate again)")
  }

  @Test func noRefreshTokenIsSaidSo() {
    let state = OAuthFixtures.withTokens(
      .oauthClientCredentials, on: .token, tokens: OAuthFixtures.clientCredentialTokens)
    let lines = screenModel(for: state).messages.first?.lines ?? []
    #expect(lines.last == "Refresh   none (never for client credentials); it asks anew.")
    #expect(lines[1] == "Scope     (none given)")
  }

  @Test func resetForgetsTheTokens() {
    var store = TestStore(OAuthFixtures.withTokens(.oauthPassword, on: .token))
    store.send(.tick(.seconds(1))) { $0.token.receivedAtTick = .seconds(1) }
    store.send(.character("r")) { $0.token = TokenStep() }
    #expect(!store.state.needsTicks)
    #expect(store.state.connectionDraft == nil)
    store.send(.tick(.seconds(5)))
  }

  @Test func accessDeniedListsTheCausesInOrderAndEnterGoesBackToTheClient() {
    var state = OAuthFixtures.state(.oauthPassword, on: .token)
    state.token = TokenStep(status: .requesting, source: state.oauthClientDraft)
    state.activity = Activity(kind: .token)
    var store = TestStore(state)
    store.send(.tokenFinished(.failed(OAuthFixtures.accessDenied))) {
      $0.token.status = .failed(OAuthFixtures.accessDenied)
      $0.activity = nil
    }
    let model = screenModel(for: store.state)
    #expect(
      model.messages == [
        ScreenMessage(
          kind: .error, title: OAuthFixtures.accessDenied.summary,
          lines: [
            "Check these, likeliest first:",
            "1. The client secret is wrong.", "2. The user's password is wrong.",
            "3. The client ID is wrong.",
          ])
      ])
    #expect(model.hints.first == KeyHint("Enter", "Fix the client"))
    store.send(.enter) { $0.screen = .oauthClient }
    // Back on the token screen, the failure is gone and Generate is offered again.
    store.send(.enter) {
      $0.token = TokenStep()
      $0.screen = .token
    }
  }

  @Test func otherFailuresShowTheirRemediesAsSent() {
    var state = OAuthFixtures.state(.oauthClientCredentials, on: .token)
    let verdict = Verdict(
      code: "oauth.unauthorized_client", summary: "The client has no OAuth Application User.",
      remedies: ["Open the application record and set OAuth Application User."])
    state.token = TokenStep(status: .failed(verdict), source: state.oauthClientDraft)
    #expect(
      screenModel(for: state).messages == [
        ScreenMessage(kind: .error, title: verdict.summary, lines: verdict.remedies)
      ])
    var store = TestStore(state)
    store.send(.escape) { $0.screen = .oauthClient }
  }

  @Test func changingTheClientMakesTheTokensStale() {
    var store = TestStore(OAuthFixtures.withTokens(.oauthPassword, on: .token))
    store.send(.escape) { $0.screen = .oauthClient }
    store.send(.character("2")) { $0.oauthClient.clientID = TextInput("client-12") }
    store.send(.enter) {
      $0.token = TokenStep()
      $0.screen = .token
    }
  }

  @Test func unchangedInputKeepsTheTokens() {
    var store = TestStore(OAuthFixtures.withTokens(.oauthPassword, on: .token))
    store.send(.escape) { $0.screen = .oauthClient }
    store.send(.enter) { $0.screen = .token }
  }

  @Test(arguments: [
    AuthKind.oauthPassword, .oauthAuthorizationCode, .oauthRefreshToken, .oauthClientCredentials,
  ])
  func enterAfterATokenTestsWithTheOAuthDraft(kind: AuthKind) {
    var store = TestStore(OAuthFixtures.withTokens(kind, on: .token))
    store.send(.enter) { $0.screen = .test }
    let client = OAuthClient(
      clientID: "client-1", clientSecret: Secret(OAuthFixtures.clientSecret))
    let tokens = OAuthFixtures.tokens
    let auth: AuthDraft
    switch kind {
    case .oauthPassword:
      auth = .oauthPassword(
        client: client, username: "admin", password: Secret(OAuthFixtures.password), tokens: tokens)
    case .oauthAuthorizationCode:
      auth = .oauthAuthorizationCode(
        client: client, redirectURI: OAuthClientStep.defaultRedirectURI, tokens: tokens)
    case .oauthRefreshToken:
      auth = .oauthRefreshToken(
        client: client, refreshToken: Secret(OAuthFixtures.refreshToken), tokens: tokens)
    default:
      auth = .oauthClientCredentials(client: client, tokens: tokens)
    }
    let draft = ConnectionDraft(instanceURL: Fixtures.url, auth: auth)
    #expect(draft.auth.kind == kind && draft.auth.tokens == tokens && draft.auth.client == client)
    store.send(.enter, effects: [.testConnection(draft)]) {
      $0.test.status = .testing(draft)
      $0.activity = Activity(kind: .test)
    }
    #expect(screenModel(for: store.state).step == "Step 5 of 6")
  }

  @Test func theTestScreenOfOAuthGoesBackToTheTokenAndFixesTheClient() {
    var state = OAuthFixtures.withTokens(.oauthPassword, on: .test)
    guard let draft = state.connectionDraft else {
      Issue.record("no draft")
      return
    }
    state.test.status = .failed(draft, Fixtures.verdict401)
    var store = TestStore(state)
    #expect(
      screenModel(for: state).items[3]
        == .choice(ChoiceModel(label: "Change the OAuth client or its credentials")))
    store.send(.enter) {
      $0.oauthClient.focus = .clientSecret
      $0.screen = .oauthClient
    }
    store.state.screen = .test
    store.state.test = TestStep()
    store.send(.escape) { $0.screen = .token }
  }

  @Test func aRejectedTokenOffersToFixTheClientFirst() {
    let verdict = Verdict(code: "oauth.token_rejected", summary: "The instance refused the access token.")
    #expect(TestFailureAction.choices(for: verdict) == [.editCredentials, .retry, .saveAnyway])
  }

  @Test func aTestWithoutTokensSendsThePersonToTheTokenScreen() {
    var store = TestStore(OAuthFixtures.state(.oauthPassword, on: .test))
    store.send(.enter) { $0.screen = .token }
  }
}
