import Foundation
import ServiceNowClient
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// The picture book of the OAuth screens and of the save screen's secret stores, at 80×24.
///
/// Like `WizardScreenGoldenTests`, every state is reached by sending the wizard the keys a
/// person presses and the events the runtime posts, so each golden shows what the real flow
/// draws. Every secret typed is a sentinel containing `S3CR3T`; no golden may show one.
@Suite struct OAuthScreenGoldenTests {
  typealias Wizard = WizardScreenGoldenTests.Wizard

  static let clientSecret = "S3CR3T-golden-client"
  static let password = "S3CR3T-golden-oauthpw"
  static let refreshToken = "S3CR3T-golden-refresh-in"
  static let accessToken = "S3CR3T-golden-access"
  static let issuedRefreshToken = "S3CR3T-golden-refresh-out"
  /// What every sentinel secret contains.
  static let sentinelMark = "S3CR3T"

  /// 2026-01-15 08:00:00 UTC: when the runtime says the token arrived.
  static let obtainedAt = Date(timeIntervalSince1970: 1_768_464_000)
  static let tokens = TokenSet(
    tokenType: "Bearer", scope: "useraccount", expiresAt: obtainedAt.addingTimeInterval(1799),
    obtainedAt: obtainedAt, accessToken: Secret(accessToken),
    refreshToken: Secret(issuedRefreshToken))

  static let redirectURI = "http://127.0.0.1:8484/callback"
  /// The sign-in address as the client builds it, with RFC 7636 appendix B's challenge.
  static let authorizeURL = AuthorizationRequest(
    clientID: "client-1", redirectURI: redirectURI, scope: nil,
    state: "af0ifjsldkj-Qx7bT2mZ9pLw4nVr8sYc1dHe6uKg3oA",
    codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
  ).url(instance: URL(string: "https://dev12345.service-now.com")!)

  /// The wizard on the OAuth client screen of `kind`, nothing typed yet.
  static func atClient(_ kind: AuthKind) -> Wizard {
    var wizard = WizardScreenGoldenTests.atInstance()
    wizard.press(.enter)
    wizard.send(.probeFinished(.reachable))
    wizard.press(.enter)  // to the auth type
    wizard.press(.down, times: AuthKind.allCases.firstIndex(of: kind) ?? 0)
    wizard.press(.enter)
    return wizard
  }

  /// The client screen of `kind` with every field that grant needs typed.
  static func filledClient(_ kind: AuthKind) -> Wizard {
    var wizard = atClient(kind)
    wizard.type("client-1")
    wizard.press(.tab)
    wizard.type(clientSecret)
    switch kind {
    case .oauthPassword:
      wizard.press(.tab)
      wizard.type("integration.user")
      wizard.press(.tab)
      wizard.type(password)
    case .oauthRefreshToken:
      wizard.press(.tab)
      wizard.type(refreshToken)
    case .oauthAuthorizationCode:
      wizard.press(.tab)  // the redirect URI, filled with the default
    default:
      break
    }
    return wizard
  }

  /// The token screen of `kind`, before Generate.
  static func atToken(_ kind: AuthKind) -> Wizard {
    var wizard = filledClient(kind)
    wizard.press(.enter)
    return wizard
  }

  /// The password grant's token screen while the request is out, two seconds in.
  static func generating() -> Wizard {
    var wizard = atToken(.oauthPassword)
    wizard.press(.enter)
    wizard.send(.tick(.seconds(40)))
    wizard.send(.tick(.seconds(42)))
    return wizard
  }

  /// The browser flow waiting for the redirect, 65 seconds into its 300.
  static func waitingForTheBrowser() -> Wizard {
    var wizard = atToken(.oauthAuthorizationCode)
    wizard.press(.enter)
    wizard.send(
      .authorizationStarted(authorizeURL: authorizeURL, listeningOn: redirectURI, timeoutSeconds: 300))
    wizard.send(.tick(.seconds(60)))
    wizard.send(.tick(.milliseconds(125_300)))
    return wizard
  }

  static func lines(_ wizard: Wizard) -> String {
    wizard.frame().lines().joined(separator: "\n")
  }

  @Test func eachGrantShowsItsClientFields() {
    let names: [(AuthKind, String)] = [
      (.oauthPassword, "08-oauth-client--password"),
      (.oauthAuthorizationCode, "08-oauth-client--authorization-code"),
      (.oauthRefreshToken, "08-oauth-client--refresh-token"),
      (.oauthClientCredentials, "08-oauth-client--client-credentials"),
    ]
    for (kind, name) in names {
      let wizard = Self.filledClient(kind)
      #expect(screenModel(for: wizard.state).id == "oauth-client-" + kind.rawValue)
      #expect(!Self.lines(wizard).contains(Self.sentinelMark), "\(name) shows a secret")
      assertScreen(wizard.shot(), named: name)
    }
  }

  @Test func clientCredentialsNamesTheReleaseItNeeds() {
    let text = Self.lines(Self.atClient(.oauthClientCredentials))
    #expect(text.contains("Washington DC"))
  }

  @Test func helpOnTheClientScreen() {
    var wizard = Self.filledClient(.oauthPassword)
    wizard.press(.help)
    assertScreen(wizard.shot(), named: "08-oauth-client--help")
  }

  @Test func tokenScreenBeforeAndWhileGenerating() {
    let ready = Self.atToken(.oauthPassword)
    #expect(screenModel(for: ready.state).id.hasPrefix("token"))
    assertScreen(ready.shot(), named: "09-token--ready")

    let generating = Self.generating()
    #expect(screenModel(for: generating.state).progress?.elapsedSeconds == 2)
    assertScreen(generating.shot(), named: "09-token--generating")
  }

  @Test func receivedTokenShowsItsExpiryCountdownButNotTheToken() {
    var wizard = Self.generating()
    wizard.send(.tokenFinished(.received(Self.tokens)))
    wizard.send(.tick(.seconds(50)))
    wizard.send(.tick(.seconds(111)))
    let text = Self.lines(wizard)
    #expect(text.contains("in 28:58"))
    #expect(!text.contains(Self.sentinelMark))
    assertScreen(wizard.shot(), named: "09-token--received")
  }

  @Test func accessDeniedShowsTheClientsExplanation() {
    var wizard = Self.generating()
    wizard.send(.tokenFinished(.failed(WizardScreenGoldenTests.verdict(.oauthAccessDenied))))
    assertScreen(wizard.shot(), named: "09-token--access-denied")
  }

  @Test func browserSignInScreens() {
    let waiting = Self.waitingForTheBrowser()
    #expect(Self.lines(waiting).contains("3:55"))
    assertScreen(waiting.shot(), named: "10-browser--waiting")

    var pasting = waiting
    pasting.type("p")
    pasting.type(Self.redirectURI + "?code=one-time-C0DE&state=af0ifjsldkj-Qx7bT2mZ9pLw4nVr8sYc1dHe6uKg3oA")
    #expect(screenModel(for: pasting.state).id == "authorization-paste")
    assertScreen(pasting.shot(), named: "10-browser--paste")

    var timedOut = waiting
    timedOut.send(.authorizationFailed(Self.callbackTimeout))
    assertScreen(timedOut.shot(), named: "10-browser--timeout")
  }

  /// The runtime's verdict when the listener's five minutes run out (App's `LoopbackFailure`).
  static let callbackTimeout = Verdict(
    code: "oauth.callback_timeout", summary: "No sign-in came back from the browser within 300 seconds.",
    remedies: [
      "The redirect URL \(redirectURI) may not be registered on the OAuth client: an instance "
        + "does not refuse an unknown redirect URL, it silently uses the first registered one. "
        + "Add exactly \(redirectURI) to the client's Redirect URL field (System OAuth > Application Registry).",
      "The browser may run on another machine (an SSH session): its redirect to 127.0.0.1 "
        + "never reaches this one. Copy the address the browser ended on and paste it here instead.",
      "The sign-in may still be open in the browser: finish it and try again.",
    ])

  /// The save screen of an OAuth password-grant setup whose test passed.
  static func atSave() -> Wizard {
    var wizard = Self.generating()
    wizard.send(.tokenFinished(.received(Self.tokens)))
    wizard.press(.enter)  // to the test
    wizard.press(.enter)  // run it
    wizard.send(.testFinished(.passed(TestReport(details: ["Signed in as integration.user."]))))
    wizard.press(.enter)
    return wizard
  }

  @Test func saveScreenForEachSecretStore() {
    let file = Self.atSave()
    #expect(screenModel(for: file.state).id.hasPrefix("save"))
    assertScreen(file.shot(), named: "11-save--file")

    var command = file
    command.press(.down)  // to the store list
    command.press(.down)  // the external command
    command.press(.tab)
    command.type("pass show servicenow/dev12345")
    assertScreen(command.shot(), named: "11-save--command")

    var environment = file
    environment.press(.down)
    environment.press(.down, times: 2)
    #expect(Self.lines(environment).contains("SNOWGATE_CLIENT_SECRET"))
    assertScreen(environment.shot(), named: "11-save--environment")

    var ask = file
    ask.press(.down)
    ask.press(.down, times: 3)
    assertScreen(ask.shot(), named: "11-save--ask")
  }

  @Test func noGoldenShowsAnySentinelSecret() throws {
    let directory = ScreenGolden.directory(filePath: #filePath)
    // Every golden, the plain-line, help and JSON ones in their folders too.
    for file in try FileManager.default.subpathsOfDirectory(atPath: directory.path)
    where file.hasSuffix(".txt") || file.hasSuffix(".json") {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains(Self.sentinelMark), "screens/\(file) shows a secret")
      // The demo's practice client secret is a secret on screen like any other.
      #expect(!text.contains("demo-secret"), "screens/\(file) shows the demo's client secret")
    }
  }
}
