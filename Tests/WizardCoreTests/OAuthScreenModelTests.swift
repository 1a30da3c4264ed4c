import Foundation
import Testing
import Vocabulary

@testable import WizardCore

/// The screens of issues 4 and 6 in every state: no secret leaks, and the copy fits.
@Suite struct OAuthScreenModelTests {
  static func everyState() -> [WizardState] {
    var states: [WizardState] = []
    for kind in AuthKind.allCases where kind.isOAuth {
      for screen: WizardScreen in [.authType, .oauthClient, .token, .test, .save, .done] {
        var state = OAuthFixtures.withTokens(kind, on: screen)
        state.done = DoneStep(profileName: "dev12345", location: "/tmp/config.json", authKind: kind)
        states.append(state)
        state.isHelpShown = true
        states.append(state)
      }
      var errors = OAuthFixtures.state(kind, on: .oauthClient)
      errors.oauthClient = OAuthClientStep(redirectURI: TextInput("x"))
      errors.oauthClient.errors = [
        .clientID: WizardState.clientIDMissing, .clientSecret: WizardState.clientSecretMissing,
        .username: WizardState.oauthUsernameMissing, .password: WizardState.oauthPasswordMissing,
        .refreshToken: WizardState.refreshTokenMissing, .redirectURI: WizardState.redirectURINotLoopback,
      ]
      states.append(errors)
      for field in kind.clientFields where field.isSecret {
        var hidden = OAuthFixtures.state(kind, on: .oauthClient)
        hidden.oauthClient.focus = field
        states.append(hidden)
      }
      var requesting = OAuthFixtures.state(kind, on: .token)
      requesting.token.status = .requesting
      requesting.activity = Activity(kind: .token, startedAt: .seconds(1), frame: 4, elapsedSeconds: 3)
      states.append(requesting)
      for verdict in [OAuthFixtures.accessDenied, Fixtures.verdictDNS] {
        var failed = OAuthFixtures.state(kind, on: .token)
        failed.token.status = .failed(verdict)
        states.append(failed)
      }
      var expired = OAuthFixtures.withTokens(kind, on: .token)
      expired.token.secondsSinceReceipt = 5000
      states.append(expired)
    }
    let browser = OAuthFixtures.state(.oauthAuthorizationCode, on: .authorization)
    let request = AuthorizationDraft(
      instanceURL: Fixtures.url, clientID: "client-1", clientSecret: Secret(OAuthFixtures.clientSecret),
      redirectURI: OAuthClientStep.defaultRedirectURI)
    let timeout = Verdict(
      code: "oauth.authorization_timeout", summary: "No answer from the browser in 5 minutes.")
    let statuses: [AuthorizationStatus] = [
      .starting(request), .waiting(OAuthFixtures.session), .exchanging(OAuthFixtures.session),
      .failed(timeout),
    ]
    for status in statuses {
      var state = browser
      state.authorization.status = status
      state.activity = Activity(kind: .authorization, startedAt: .seconds(1), frame: 2, elapsedSeconds: 30)
      states.append(state)
      state.isHelpShown = true
      states.append(state)
    }
    var pasting = browser
    pasting.authorization = AuthorizationStep(
      status: .waiting(OAuthFixtures.session), isPasting: true,
      pasted: TextInput("http://127.0.0.1:8484/cb?code=1"),
      pasteError: WizardState.pasteMissing)
    states.append(pasting)
    for store in SecretStoreKind.allCases {
      var save = OAuthFixtures.withTokens(.oauthPassword, on: .save)
      save.save.store = store
      save.save.focus = .store
      save.save.commandError = WizardState.commandNeedsShell
      states.append(save)
    }
    var broken = OAuthFixtures.withTokens(.oauthPassword, on: .save)
    broken.save.failure = Verdict(code: "config.unreadable", summary: "config.json is not valid JSON.")
    broken.save.isMoveAsideOffered = true
    broken.save.movedAsideTo = "/tmp/config.json.broken-1"
    states.append(broken)
    return states
  }

  @Test func noSentinelSecretAppearsInAnyScreenOrStateDump() {
    for state in Self.everyState() {
      let text = OAuthFixtures.text(of: state)
      #expect(!text.contains("S3CR3T"), "\(state.screen) \(state.authType.selected.map { "\($0)" } ?? "")")
      #expect(!text.contains("SENTINEL"))
    }
  }

  @Test func everyLineOfOurCopyFits() {
    for state in Self.everyState() {
      let model = screenModel(for: state)
      let place = "\(model.id)"
      for paragraph in model.intro { #expect(paragraph.count <= 2 * 74, "\(place): \(paragraph)") }
      for line in model.help?.lines ?? [] { #expect(line.count <= 66, "help of \(place): \(line)") }
      var lines = (model.dialog?.lines ?? []) + [model.title, model.progress?.label ?? ""]
      for item in model.items {
        switch item {
        case .choice(let choice): lines += [choice.label, choice.detail]
        case .text(let text, _) where !text.contains("?"): lines.append(text)
        case .field(let field):
          lines += [field.label + "  " + field.placeholder, field.note ?? "", field.error ?? ""]
        default: break
        }
      }
      for message in model.messages { lines += [message.title] + message.lines }
      for line in lines { #expect(line.count <= 74, "\(place): \(line)") }
      let footer = model.hints.map { $0.key + " " + $0.action }.joined(separator: "  ")
      #expect(footer.count <= 74, "\(place): \(footer)")
    }
  }

  @Test func oauthStepsAreNumberedOutOfSix() {
    var state = OAuthFixtures.withTokens(.oauthPassword, on: .instance)
    var steps: [String?] = []
    for screen: WizardScreen in [.instance, .authType, .oauthClient, .token, .test, .save, .done] {
      state.screen = screen
      steps.append(screenModel(for: state).step)
    }
    #expect(
      steps == [
        "Step 1 of 6", "Step 2 of 6", "Step 3 of 6", "Step 4 of 6", "Step 5 of 6", "Step 6 of 6", nil,
      ])
  }

  @Test func theClientHelpTellsHowToCreateTheClient() {
    var state = OAuthFixtures.state(.oauthPassword, on: .oauthClient)
    state.isHelpShown = true
    let help = screenModel(for: state).help?.lines.joined(separator: "\n") ?? ""
    for needle in [
      "All > System OAuth > Application Registry > New.",
      "Create an OAuth API endpoint for external clients.",
      "copy the Client ID", "unlock the Client Secret", "Redirect URL", "http://127.0.0.1:8484/callback",
    ] {
      #expect(help.contains(needle), "\(needle)")
    }
  }

  @Test func theDoneScreenOfOAuthMentionsTheTokenCommand() {
    var state = OAuthFixtures.withTokens(.oauthClientCredentials, on: .done)
    state.done = DoneStep(profileName: "dev12345", location: "/tmp/c.json", authKind: .oauthClientCredentials)
    #expect(screenModel(for: state).items.contains { "\($0)".contains("snowgate token dev12345") })
  }
}
