import Foundation
import Testing
import Vocabulary

@testable import WizardCore

@Suite struct AuthorizationFlowTests {
  static let request = AuthorizationDraft(
    instanceURL: Fixtures.url, clientID: "client-1", clientSecret: Secret(OAuthFixtures.clientSecret),
    redirectURI: OAuthClientStep.defaultRedirectURI)

  /// The browser flow up to the waiting screen.
  static func waiting() -> TestStore {
    var store = TestStore(OAuthFixtures.state(.oauthAuthorizationCode, on: .token))
    let draft = OAuthFixtures.clientDraft(.oauthAuthorizationCode)
    store.send(.enter, effects: [.startAuthorization(request)]) {
      $0.token = TokenStep(source: draft)
      $0.authorization = AuthorizationStep(status: .starting(request))
      $0.activity = Activity(kind: .authorization)
      $0.screen = .authorization
    }
    store.send(.tick(.seconds(50))) {
      $0.activity = Activity(kind: .authorization, startedAt: .seconds(50), frame: 1)
    }
    store.send(
      .authorizationStarted(
        authorizeURL: OAuthFixtures.authorizeURL, listeningOn: "127.0.0.1:8484", timeoutSeconds: 300)
    ) {
      $0.authorization.status = .waiting(OAuthFixtures.session)
      $0.activity = Activity(kind: .authorization)
    }
    return store
  }

  @Test func cShowsTheWholeAddressPlainlyForCopying() {
    var store = Self.waiting()
    let effects = reduce(&store.state, .key(.character("c")))
    guard case .showPlainText(let text)? = effects.first, effects.count == 1 else {
      Issue.record("c did not ask to show the address: \(effects)")
      return
    }
    #expect(text.contains(OAuthFixtures.authorizeURL.absoluteString))
    #expect(store.state.authorization.status == .waiting(OAuthFixtures.session))
  }

  @Test func generateStartsTheBrowserAndTheCountdownRunsFromTicks() {
    var store = Self.waiting()
    store.send(.tick(.seconds(60))) {
      $0.activity = Activity(kind: .authorization, startedAt: .seconds(60), frame: 1)
    }
    store.send(.tick(.milliseconds(125_300))) {
      $0.activity = Activity(kind: .authorization, startedAt: .seconds(60), frame: 2, elapsedSeconds: 65)
    }
    let model = screenModel(for: store.state)
    #expect(model.id == "authorization")
    #expect(model.title == "Waiting for the browser")
    #expect(model.progress?.label == "Waiting for the browser… 3:55 left")
    #expect(model.items.contains(.text(OAuthFixtures.authorizeURL.absoluteString, .normal)))
    #expect(model.items.contains(.text("Redirect URI http://127.0.0.1:8484/callback", .normal)))
    #expect(model.hints.first == KeyHint("p", "Paste the URL"))
  }

  @Test func theListenerPathEndsOnTheTokenScreen() {
    var store = Self.waiting()
    store.send(.tokenFinished(.received(OAuthFixtures.tokens))) {
      $0.token.status = .received(OAuthFixtures.tokens)
      $0.authorization = AuthorizationStep()
      $0.activity = nil
      $0.screen = .token
    }
    #expect(store.state.connectionDraft?.auth.kind == .oauthAuthorizationCode)
  }

  @Test func thePastePathSendsWhatWasPasted() {
    var store = Self.waiting()
    store.send(.character("p")) { $0.authorization.isPasting = true }
    #expect(screenModel(for: store.state).id == "authorization-paste")
    store.send(.enter) { $0.authorization.pasteError = WizardState.pasteMissing }
    let pasted = "http://127.0.0.1:8484/callback?code=C0DE&state=abc"
    store.type(pasted + "\n") {
      $0.authorization.pasted = TextInput(pasted + "\n")
      $0.authorization.pasteError = nil
    }
    store.send(.enter, effects: [.completeAuthorization(pasted: pasted)]) {
      $0.authorization.status = .exchanging(OAuthFixtures.session)
      $0.authorization.isPasting = false
      $0.activity = Activity(kind: .token)
    }
    #expect(screenModel(for: store.state).progress?.label == "Trading the code for a token…")
    store.send(.tokenFinished(.received(OAuthFixtures.tokens))) {
      $0.token.status = .received(OAuthFixtures.tokens)
      $0.authorization = AuthorizationStep()
      $0.activity = nil
      $0.screen = .token
    }
  }

  @Test func aWrongPasteKeepsTheFieldOpenAndARightOneCompletes() {
    var store = Self.waiting()
    store.send(.character("p")) { $0.authorization.isPasting = true }
    let otherTab = "http://127.0.0.1:8484/callback?code=OLD&state=zzz"
    store.send(.paste(Secret(otherTab))) { $0.authorization.pasted = TextInput(otherTab) }
    store.send(.enter) {
      $0.authorization.pasteError =
        "That address belongs to another sign-in (its state differs). Paste the address of this one."
    }
    #expect(store.state.authorization.status == .waiting(OAuthFixtures.session))
    store.send(.deleteToStart) {
      $0.authorization.pasted = TextInput()
      $0.authorization.pasteError = nil
    }
    let errorPage = "http://127.0.0.1:8484/callback?error=access_denied&state=abc"
    store.send(.paste(Secret(errorPage))) { $0.authorization.pasted = TextInput(errorPage) }
    store.send(.enter) {
      $0.authorization.pasteError =
        "The instance answered access_denied instead of a code. Sign in again in the browser (r starts "
        + "over), then paste the new address."
    }
    store.send(.clearField) {
      $0.authorization.pasted = TextInput()
      $0.authorization.pasteError = nil
    }
    let noCode = "http://127.0.0.1:8484/callback?state=abc"
    store.send(.paste(Secret(noCode))) { $0.authorization.pasted = TextInput(noCode) }
    store.send(.enter) {
      $0.authorization.pasteError =
        "The pasted address has no code. Paste the address the browser ended on after Allow."
    }
    store.send(.clearField) {
      $0.authorization.pasted = TextInput()
      $0.authorization.pasteError = nil
    }
    let right = "http://127.0.0.1:8484/callback?code=C0DE&state=abc"
    store.send(.paste(Secret("  " + right + "  "))) {
      $0.authorization.pasted = TextInput(right)
      $0.pasteNote = "Left out the spaces around the pasted text."
    }
    store.send(.enter, effects: [.completeAuthorization(pasted: right)]) {
      $0.authorization.status = .exchanging(OAuthFixtures.session)
      $0.authorization.isPasting = false
      $0.activity = Activity(kind: .token)
      $0.pasteNote = nil
    }
  }

  @Test func rStartsTheSignInAgainWhileWaitingAndAfterAFailure() {
    var store = Self.waiting()
    let draft = OAuthFixtures.clientDraft(.oauthAuthorizationCode)
    store.send(.character("r"), effects: [.cancel(.authorization), .startAuthorization(Self.request)]) {
      $0.token = TokenStep(source: draft)
      $0.authorization = AuthorizationStep(status: .starting(Self.request))
      $0.activity = Activity(kind: .authorization)
    }
    store.send(.authorizationFailed(Fixtures.verdictDNS)) {
      $0.authorization = AuthorizationStep(status: .failed(Fixtures.verdictDNS))
      $0.activity = nil
    }
    store.send(.character("r"), effects: [.startAuthorization(Self.request)]) {
      $0.authorization = AuthorizationStep(status: .starting(Self.request))
      $0.activity = Activity(kind: .authorization)
    }
  }

  @Test func escapeFromPastingGoesBackToWaitingThenCancels() {
    var store = Self.waiting()
    store.send(.character("P")) { $0.authorization.isPasting = true }
    store.send(.character("x")) { $0.authorization.pasted = TextInput("x") }
    store.send(.escape) { $0.authorization.isPasting = false }
    store.send(.escape, effects: [.cancel(.authorization)]) {
      $0.authorization = AuthorizationStep()
      $0.activity = nil
      $0.screen = .token
    }
    store.send(.tokenFinished(.received(OAuthFixtures.tokens)))
    store.send(.authorizationFailed(Fixtures.verdictDNS))
  }

  @Test func escapeWhileExchangingCancelsTheTokenRequest() {
    var store = Self.waiting()
    store.state.authorization.status = .exchanging(OAuthFixtures.session)
    store.state.activity = Activity(kind: .token)
    store.send(.escape, effects: [.cancel(.token)]) {
      $0.authorization = AuthorizationStep()
      $0.activity = nil
      $0.screen = .token
    }
  }

  @Test func aTimeoutExplainsTheLikelyCausesAndEnterFixesTheClient() {
    var store = Self.waiting()
    let timeout = Verdict(
      code: "oauth.authorization_timeout", summary: "No answer from the browser in 5 minutes.")
    store.send(.authorizationFailed(timeout)) {
      $0.authorization = AuthorizationStep(status: .failed(timeout))
      $0.activity = nil
    }
    let model = screenModel(for: store.state)
    #expect(
      model.messages == [
        ScreenMessage(kind: .error, title: timeout.summary, lines: WizardState.authorizationTimeoutCauses)
      ])
    store.send(.enter) {
      $0.authorization = AuthorizationStep()
      $0.screen = .oauthClient
    }
  }

  @Test func aStateMismatchShowsTheRuntimesRemediesAndEscapeGoesToTheToken() {
    var store = Self.waiting()
    let mismatch = Verdict(
      code: "oauth.state_mismatch", summary: "The pasted address belongs to another sign-in.",
      remedies: ["Paste the address of this sign-in, or start again."])
    store.send(.authorizationFailed(mismatch)) {
      $0.authorization = AuthorizationStep(status: .failed(mismatch))
      $0.activity = nil
    }
    #expect(screenModel(for: store.state).messages.first?.lines == mismatch.remedies)
    store.send(.escape) {
      $0.authorization = AuthorizationStep()
      $0.screen = .token
    }
  }

  @Test func aFailedExchangeEndsOnTheTokenScreen() {
    var store = Self.waiting()
    store.send(.tokenFinished(.failed(OAuthFixtures.accessDenied))) {
      $0.token.status = .failed(OAuthFixtures.accessDenied)
      $0.authorization = AuthorizationStep()
      $0.activity = nil
      $0.screen = .token
    }
  }

  @Test func thePublicClientStartsWithoutASecret() {
    var state = OAuthFixtures.state(.oauthAuthorizationCode, on: .token)
    state.oauthClient.clientSecret = SecretInput()
    state.oauthClient.redirectURI = TextInput("http://localhost:9000/cb")
    state.oauthClient.scope = TextInput("useraccount")
    let request = AuthorizationDraft(
      instanceURL: Fixtures.url, clientID: "client-1", clientSecret: nil,
      redirectURI: "http://localhost:9000/cb",
      scope: "useraccount")
    var store = TestStore(state)
    store.send(.enter, effects: [.startAuthorization(request)]) {
      $0.token = TokenStep(source: $0.oauthClientDraft)
      $0.authorization = AuthorizationStep(status: .starting(request))
      $0.activity = Activity(kind: .authorization)
      $0.screen = .authorization
    }
    let items = screenModel(for: OAuthFixtures.state(.oauthAuthorizationCode, on: .token)).items
    #expect(
      items.first == .text("Sign-in   https://dev12345.service-now.com/oauth_auth.do, in a browser", .normal))
    #expect(screenModel(for: store.state).items.isEmpty)
    #expect(screenModel(for: store.state).progress?.label == "Starting the listener and the browser…")
  }
}
