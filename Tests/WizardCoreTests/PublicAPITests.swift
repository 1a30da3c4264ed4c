import Foundation
import Testing
import Vocabulary
import WizardCore

/// Drives a whole Basic setup the way the runtime does, through the public API only (no
/// `@testable`), so anything the runtime needs but cannot reach fails to compile here.
@Suite struct PublicAPITests {
  /// A stand-in runtime: answers each effect with the event a healthy instance would produce.
  static func answer(_ effect: WizardEffect) -> WizardEvent? {
    switch effect {
    case .probeInstance: return .probeFinished(.reachable)
    case .testConnection: return .testFinished(.passed(TestReport(details: ["Signed in as admin"])))
    case .saveProfile(let draft): return .saveFinished(.saved(location: "/tmp/\(draft.name).json"))
    case .requestToken, .requestJWTToken, .completeAuthorization: return .tokenFinished(.received(tokens))
    case .checkKeyring: return .keyringChecked(problem: nil)
    case .startAuthorization:
      return .authorizationStarted(
        authorizeURL: URL(string: "http://127.0.0.1:8080/oauth_auth.do?client_id=c&state=s")!,
        listeningOn: "127.0.0.1:8484", timeoutSeconds: 300)
    case .moveBrokenConfigAside: return .brokenConfigMoved(.moved(keptAs: "/tmp/config.json.broken-1"))
    case .loadProfile, .diagnose, .cancel, .quit, .saveDraft, .showPlainText, .checkAdmin, .createOAuthClient,
      .checkAgentTransfer:
      return nil
    }
  }

  static let tokens = TokenSet(
    tokenType: "Bearer", scope: "useraccount", expiresAt: Date(timeIntervalSince1970: 1_800_000_000 + 1799),
    obtainedAt: Date(timeIntervalSince1970: 1_800_000_000), accessToken: Secret("S3CR3T-access"),
    refreshToken: Secret("S3CR3T-refresh"))

  /// Runs events through the reducer, answering effects like `answer`, and returns every effect.
  static func run(_ events: [WizardEvent], in state: inout WizardState) -> [WizardEffect] {
    var log: [WizardEffect] = []
    for event in events {
      var pending = [event]
      while !pending.isEmpty {
        let effects = reduce(&state, pending.removeFirst())
        log += effects
        pending += effects.compactMap(Self.answer)
        _ = screenModel(for: state)
      }
    }
    return log
  }

  static func typing(_ text: String) -> [WizardEvent] {
    text.map { .key(.character($0)) }
  }

  @Test func anOAuthPasswordSetupRunsFromStartToQuit() {
    var state = WizardState()
    var events: [WizardEvent] = [.start(savedProfiles: [], prefilledInstance: "http://127.0.0.1:8080")]
    // Welcome, check the address, continue, move to the password grant and pick it.
    events += [.key(.enter), .key(.enter), .key(.enter), .key(.down), .key(.enter)]
    events += Self.typing("client-1") + [.key(.tab)] + Self.typing("S3CR3T-client") + [.key(.tab)]
    events += Self.typing("admin") + [.key(.tab)] + Self.typing("S3CR3T-pw") + [.key(.enter)]
    // Generate, test, continue to save, save, finish.
    events += [.key(.enter), .tick(.seconds(1)), .key(.enter), .key(.enter), .key(.enter), .key(.enter)]
    events += [.key(.enter)]
    let log = Self.run(events, in: &state)
    let url = URL(string: "http://127.0.0.1:8080")!
    let client = OAuthClient(clientID: "client-1", clientSecret: Secret("S3CR3T-client"))
    let draft = ConnectionDraft(
      instanceURL: url,
      auth: .oauthPassword(
        client: client, username: "admin", password: Secret("S3CR3T-pw"), tokens: Self.tokens))
    #expect(
      log == [
        .probeInstance(url),
        .requestToken(
          TokenRequestDraft(
            instanceURL: url, grant: .password(username: "admin", password: Secret("S3CR3T-pw")),
            clientID: "client-1", clientSecret: Secret("S3CR3T-client"))),
        .testConnection(draft),
        // A keyring answers here (`answer`), so it is where the secrets go by default.
        .checkKeyring,
        .saveProfile(ProfileDraft(name: "local", connection: draft, secretStore: .keyring)),
        .quit(.success),
      ])
    #expect(state.screen == .done)
    #expect(!"\(log)".contains("S3CR3T"))
  }

  @Test func aBasicSetupRunsFromStartToQuit() {
    var state = WizardState()
    var log: [WizardEffect] = []
    var events: [WizardEvent] = [.start(savedProfiles: [], prefilledInstance: "http://127.0.0.1:8080")]
    events += [.key(.enter), .key(.enter), .tick(.seconds(1)), .key(.enter), .key(.enter)]
    events += "admin".map { .key(.character($0)) } + [.key(.enter)]
    events += "S3CR3T-SENTINEL".map { .key(.character($0)) } + [.key(.enter), .key(.enter), .key(.enter)]
    events += [.key(.enter), .key(.enter)]
    for event in events {
      var pending = [event]
      while !pending.isEmpty {
        let effects = reduce(&state, pending.removeFirst())
        log += effects
        pending += effects.compactMap(Self.answer)
        _ = screenModel(for: state)
      }
    }
    let url = URL(string: "http://127.0.0.1:8080")!
    let draft = ConnectionDraft(
      instanceURL: url, auth: .basic(username: "admin", password: Secret("S3CR3T-SENTINEL")))
    #expect(
      log == [
        .probeInstance(url), .testConnection(draft), .checkKeyring,
        .saveProfile(ProfileDraft(name: "local", connection: draft, secretStore: .keyring)),
        .quit(.success),
      ])
    #expect(state.screen == .done)
    #expect(state.done == DoneStep(profileName: "local", location: "/tmp/local.json", authKind: .basic))
    #expect(!"\(log)".contains("S3CR3T"))
  }

  @Test func aBrowserSignInWithThePastePathRunsThroughThePublicAPI() {
    var state = WizardState()
    var events: [WizardEvent] = [.start(savedProfiles: [], prefilledInstance: "http://127.0.0.1:8080")]
    events += [.key(.enter), .key(.enter), .key(.enter), .key(.down), .key(.down), .key(.enter)]
    // A public client: no secret; the default redirect URI.
    events += Self.typing("client-1") + [.key(.enter)]
    #expect(Self.run(events, in: &state).count == 1)
    #expect(state.screen == .token)
    let log = Self.run(
      [.key(.enter), .key(.character("p"))] + Self.typing("C0DE") + [.key(.enter)], in: &state)
    let url = URL(string: "http://127.0.0.1:8080")!
    #expect(
      log == [
        .startAuthorization(
          AuthorizationDraft(
            instanceURL: url, clientID: "client-1", clientSecret: nil,
            redirectURI: "http://127.0.0.1:8484/callback")),
        .completeAuthorization(pasted: "C0DE"),
      ])
    #expect(state.screen == .token)
    #expect(state.token.tokens == Self.tokens)
    #expect(state.needsTicks)
    let quit = Self.run([.key(.interrupt), .key(.character("y"))], in: &state)
    #expect(
      quit == [
        .saveDraft(
          SetupDraft(
            name: "local", instanceURL: URL(string: "http://127.0.0.1:8080")!,
            authType: .oauthAuthorizationCode,
            clientID: "client-1",
            redirectURI: "http://127.0.0.1:8484/callback", step: "token")),
        .quit(.cancelled),
      ])
  }
}
