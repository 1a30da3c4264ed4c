import Testing
import Vocabulary

@testable import WizardCore

@Suite struct OAuthClientFlowTests {
  static func emptyClient(_ kind: AuthKind) -> WizardState {
    var state = OAuthFixtures.state(kind, on: .oauthClient)
    state.oauthClient = OAuthClientStep()
    return state
  }

  @Test(arguments: [
    (AuthKind.oauthPassword, OAuthClientField.password),
    (.oauthAuthorizationCode, .redirectURI),
    (.oauthRefreshToken, .refreshToken),
    (.oauthClientCredentials, .clientSecret),
  ])
  func choosingAnOAuthKindOpensItsClientScreen(kind: AuthKind, grantField: OAuthClientField) {
    var state = Fixtures.state(on: .authType)
    state.authType = AuthTypeStep(focus: kind)
    state.oauthClient.focus = .scope
    var store = TestStore(state)
    store.send(.enter) {
      $0.authType.selected = kind
      $0.oauthClient.focus = .clientID
      $0.screen = .oauthClient
    }
    #expect(kind.clientFields.contains(grantField))
    #expect(kind.clientFields.first == .clientID && kind.clientFields.last == .scope)
    store.send(.escape) { $0.screen = .authType }
  }

  @Test func eachGrantShowsExactlyItsFields() {
    let labels: [AuthKind: [String]] = [
      .oauthPassword: ["Client ID", "Client secret", "User name", "Password", "Scope"],
      .oauthAuthorizationCode: ["Client ID", "Client secret", "Redirect URI", "Scope"],
      .oauthRefreshToken: ["Client ID", "Client secret", "Refresh token", "Scope"],
      .oauthClientCredentials: ["Client ID", "Client secret", "Scope"],
    ]
    for (kind, expected) in labels {
      let model = screenModel(for: Self.emptyClient(kind))
      let shown = model.items.compactMap { item -> String? in
        if case .field(let field) = item { return field.label }
        return nil
      }
      #expect(shown == expected, "\(kind)")
      #expect(model.id == "oauth-client-" + kind.rawValue)
      #expect(model.step == "Step 3 of 6")
      #expect(model.focus == 0)
    }
  }

  @Test func theBrowserFlowShowsTheDefaultRedirectAndAnOptionalSecret() {
    let model = screenModel(for: Self.emptyClient(.oauthAuthorizationCode))
    guard case .field(let secret) = model.items[1], case .field(let redirect) = model.items[2] else {
      Issue.record("fields missing")
      return
    }
    #expect(secret.note == "Optional: leave it empty for a public client; PKCE proves it instead.")
    #expect(redirect.display == "http://127.0.0.1:8484/callback")
    #expect(redirect.note?.hasPrefix("Register exactly this") == true)
  }

  @Test func clientCredentialsSaysWhatTheInstanceNeeds() {
    let model = screenModel(for: Self.emptyClient(.oauthClientCredentials))
    #expect(model.messages.first?.kind == .info)
    #expect(model.messages.first?.lines.contains { $0.contains("Washington DC") } == true)
    #expect(
      model.messages.first?.lines.contains {
        $0.contains("glide.oauth.inbound.client.credential.grant_type.enabled=true")
      } == true)
    #expect(model.messages.first?.lines.contains { $0.contains("OAuth Application User") } == true)
  }

  @Test func typingFillsTheFocusedFieldAndTabWalksTheGrantsFields() {
    var store = TestStore(Self.emptyClient(.oauthRefreshToken))
    store.type("client-1") { $0.oauthClient.clientID = TextInput("client-1") }
    store.send(.tab) { $0.oauthClient.focus = .clientSecret }
    store.type("S3CR3T") { $0.oauthClient.clientSecret = SecretInput(Secret("S3CR3T")) }
    store.send(.down) { $0.oauthClient.focus = .refreshToken }
    store.send(.tab) { $0.oauthClient.focus = .scope }
    store.send(.tab) { $0.oauthClient.focus = .clientID }
    store.send(.backTab) { $0.oauthClient.focus = .scope }
    store.send(.up) { $0.oauthClient.focus = .refreshToken }
  }

  @Test func enterOnAFilledFieldMovesToTheNextEmptyOne() {
    var store = TestStore(Self.emptyClient(.oauthPassword))
    store.type("client-1") { $0.oauthClient.clientID = TextInput("client-1") }
    store.send(.enter) { $0.oauthClient.focus = .clientSecret }
  }

  @Test func theClientIDIsRequiredForEveryGrant() {
    for kind in AuthKind.allCases where kind.isOAuth {
      var state = OAuthFixtures.state(kind, on: .oauthClient)
      state.oauthClient.clientID = TextInput()
      state.oauthClient.focus = .scope
      var store = TestStore(state)
      store.send(.enter) {
        $0.oauthClient.errors = [.clientID: WizardState.clientIDMissing]
        $0.oauthClient.focus = .clientID
      }
      store.send(.character("c")) {
        $0.oauthClient.clientID = TextInput("c")
        $0.oauthClient.errors = [:]
      }
    }
  }

  @Test(arguments: [AuthKind.oauthPassword, .oauthRefreshToken, .oauthClientCredentials])
  func theSecretIsRequiredForConfidentialGrants(kind: AuthKind) {
    var state = OAuthFixtures.state(kind, on: .oauthClient)
    state.oauthClient.clientSecret = SecretInput()
    var store = TestStore(state)
    store.send(.enter) { $0.oauthClient.focus = .clientSecret }
    store.send(.enter) { $0.oauthClient.errors = [.clientSecret: WizardState.clientSecretMissing] }
  }

  @Test func aPublicClientWithPKCEMayLeaveTheSecretEmpty() {
    var state = OAuthFixtures.state(.oauthAuthorizationCode, on: .oauthClient)
    state.oauthClient.clientSecret = SecretInput()
    state.oauthClient.focus = .scope
    var store = TestStore(state)
    store.send(.enter) { $0.screen = .token }
    #expect(store.state.oauthClientDraft.client.clientSecret == nil)
  }

  @Test func theRefreshGrantNeedsItsRefreshToken() {
    var state = OAuthFixtures.state(.oauthRefreshToken, on: .oauthClient)
    state.oauthClient.refreshToken = SecretInput()
    state.oauthClient.focus = .scope
    var store = TestStore(state)
    store.send(.enter) {
      $0.oauthClient.errors = [.refreshToken: WizardState.refreshTokenMissing]
      $0.oauthClient.focus = .refreshToken
    }
  }

  @Test func thePasswordGrantNeedsAUserAndPassword() {
    var state = OAuthFixtures.state(.oauthPassword, on: .oauthClient)
    state.oauthClient.username = TextInput()
    state.oauthClient.password = SecretInput()
    state.oauthClient.focus = .scope
    var store = TestStore(state)
    store.send(.enter) {
      $0.oauthClient.errors = [
        .username: WizardState.oauthUsernameMissing, .password: WizardState.oauthPasswordMissing,
      ]
      $0.oauthClient.focus = .username
    }
  }

  @Test(arguments: [
    ("", WizardState.redirectURIMissing),
    ("https://127.0.0.1:8484/callback", WizardState.redirectURINotLoopback),
    ("http://example.com:8484/callback", WizardState.redirectURINotLoopback),
    ("http://127.0.0.1/callback", WizardState.redirectURINotLoopback),
    ("not a url", WizardState.redirectURINotLoopback),
  ])
  func theRedirectMustBeALoopbackAddressWithAPort(redirect: String, problem: String) {
    var state = OAuthFixtures.state(.oauthAuthorizationCode, on: .oauthClient)
    state.oauthClient.redirectURI = TextInput(redirect)
    state.oauthClient.focus = .scope
    var store = TestStore(state)
    store.send(.enter) {
      $0.oauthClient.errors = [.redirectURI: problem]
      $0.oauthClient.focus = .redirectURI
    }
  }

  @Test func otherLoopbackRedirectsAreAccepted() {
    for redirect in ["http://localhost:9000/cb", "http://127.0.0.1:1/"] {
      #expect(WizardState.isLoopbackRedirect(redirect), "\(redirect)")
    }
  }

  /// The listener binds IPv4 loopback only, so an IPv6 redirect would fail later, less clearly.
  @Test func anIPv6RedirectIsRefusedHere() {
    #expect(!WizardState.isLoopbackRedirect("http://[::1]:8484/callback"))
  }

  @Test func completeFieldsLeadToTheTokenScreen() {
    var store = TestStore(OAuthFixtures.state(.oauthClientCredentials, on: .oauthClient))
    store.send(.enter) { $0.screen = .token }
    store.send(.escape) { $0.screen = .oauthClient }
  }

  @Test func ctrlRRevealsOnlyTheFocusedSecretUntilTheScreenIsLeft() {
    var state = OAuthFixtures.state(.oauthPassword, on: .oauthClient)
    state.oauthClient.focus = .clientSecret
    var store = TestStore(state)
    store.send(.toggleReveal) { $0.oauthClient.revealed = .clientSecret }
    var model = screenModel(for: store.state)
    #expect(model.items[1] == .field(Self.revealedField("Client secret", OAuthFixtures.clientSecret)))
    #expect(!"\(model.items[3])".contains("S3CR3T"))
    store.send(.tab) { $0.oauthClient.focus = .username }
    store.send(.toggleReveal)
    store.send(.escape) {
      $0.oauthClient.revealed = nil
      $0.screen = .authType
    }
    model = screenModel(for: store.state)
    #expect(!OAuthFixtures.text(of: store.state).contains("S3CR3T"))
  }

  static func revealedField(_ label: String, _ secret: String) -> FieldModel {
    FieldModel(
      label: label, display: secret, cursor: secret.count, isSecret: true, isRevealed: true,
      note: "Shown until you press Ctrl-R or leave this screen.")
  }

  @Test func switchingKindsKeepsTheClientButDropsAnotherGrantsFields() {
    let state = OAuthFixtures.state(.oauthClientCredentials, on: .oauthClient)
    let draft = state.oauthClientDraft
    #expect(
      draft.client == OAuthClient(clientID: "client-1", clientSecret: Secret(OAuthFixtures.clientSecret)))
    #expect(
      draft.username == "" && draft.password.isEmpty && draft.refreshToken.isEmpty && draft.redirectURI == "")
  }
}
