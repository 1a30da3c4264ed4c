import Foundation
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// The screens of the instance's side (issue 14) at 80×24: creating the OAuth client as an
/// admin, the refresh token's expiry on the token screen, and "Prepare for live agent transfer".
///
/// Reached as the others are: the keys a person presses and the events the runtime posts.
/// Every secret typed is a sentinel containing `S3CR3T`; no golden may show one.
@Suite struct InstanceSetupScreenGoldenTests {
  typealias Wizard = WizardScreenGoldenTests.Wizard
  static let adminPassword = "S3CR3T-golden-admin"
  static let createdSecret = "S3CR3T-golden-created-secret"
  static let createdID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

  /// The create-client screen of `kind`, the admin's name and password typed.
  static func signedIn(_ kind: AuthKind) -> Wizard {
    var wizard = OAuthScreenGoldenTests.atClient(kind)
    wizard.press(.backTab)  // from the client ID to the create action
    wizard.press(.enter)
    wizard.press(.tab)
    wizard.type("admin")
    wizard.press(.tab)
    wizard.type(adminPassword)
    if kind == .oauthClientCredentials {
      wizard.press(.tab)
      wizard.type("integration.user")
    }
    return wizard
  }

  static func review(_ kind: AuthKind, property: String? = nil) -> Wizard {
    var wizard = signedIn(kind)
    wizard.press(.enter)
    wizard.send(
      .adminChecked(
        .ready(adminName: "admin", propertyValue: property, propertyKnown: kind == .oauthClientCredentials)))
    return wizard
  }

  static func expectNoSecret(_ wizard: Wizard, _ name: String) {
    let text = wizard.frame().lines().joined(separator: "\n")
    #expect(!text.contains(OAuthScreenGoldenTests.sentinelMark), "\(name) shows a secret")
  }

  @Test func theAdminSignInAndItsRefusal() {
    var wizard = Self.signedIn(.oauthPassword)
    #expect(screenModel(for: wizard.state).id == "create-oauth-client")
    Self.expectNoSecret(wizard, "sign-in")
    assertScreen(wizard.shot(), named: "13-create-client--sign-in")
    wizard.press(.enter)
    guard case .checkAdmin? = wizard.effects.first else {
      Issue.record("Enter did not check the admin: \(wizard.effects)")
      return
    }
    wizard.send(
      .adminChecked(
        .refused(
          Verdict(
            code: "setup.not_admin",
            summary: "admin may not read oauth_entity on this instance: Insufficient rights (ACL denied).",
            remedies: [
              "Sign in as a user with the admin role, or choose a saved connection that has it.",
              "Or ask an admin to create the client.",
            ]))))
    Self.expectNoSecret(wizard, "refused")
    assertScreen(wizard.shot(), named: "13-create-client--refused")
  }

  @Test func theRecordIsShownBeforeAnythingIsWritten() {
    var password = Self.review(.oauthPassword)
    #expect(password.effects.isEmpty)
    assertScreen(password.shot(), named: "13-create-client--review")
    let browser = Self.review(.oauthAuthorizationCode)
    assertScreen(browser.shot(), named: "13-create-client--review-browser")
    let credentials = Self.review(.oauthClientCredentials, property: nil)
    assertScreen(credentials.shot(), named: "13-create-client--review-client-credentials")
    password.press(.enter)
    #expect(password.effects.isEmpty, "Enter is not a yes")
    password.press(.character("y"))
    guard case .createOAuthClient(let request)? = password.effects.first else {
      Issue.record("y did not create: \(password.effects)")
      return
    }
    #expect(request.record.kind == .oauthPassword)
    #expect(request.admin == .basic(username: "admin", password: Secret(Self.adminPassword)))
  }

  @Test func theTokenScreenSaysWhenTheRefreshTokenExpires() {
    var wizard = OAuthScreenGoldenTests.atClient(.oauthPassword)
    wizard.press(.tab, times: 2)
    wizard.type("integration.user")
    wizard.press(.tab)
    wizard.type(OAuthScreenGoldenTests.password)
    wizard.press(.tab, times: 2)
    wizard.press(.enter)
    wizard.press(.tab)
    wizard.type("admin")
    wizard.press(.tab)
    wizard.type(Self.adminPassword)
    wizard.press(.enter)
    wizard.send(.adminChecked(.ready(adminName: "admin", propertyValue: nil, propertyKnown: false)))
    wizard.press(.character("y"))
    wizard.send(
      .oauthClientCreated(
        .created(clientID: Self.createdID, clientSecret: Secret(Self.createdSecret), notes: [])))
    #expect(screenModel(for: wizard.state).id == "token")
    #expect(wizard.state.oauthClient.clientID.text == Self.createdID)
    Self.expectNoSecret(wizard, "created")
    assertScreen(wizard.shot(), named: "09-token--created-client")
    wizard.press(.enter)
    wizard.send(.tokenFinished(.received(OAuthScreenGoldenTests.tokens)))
    Self.expectNoSecret(wizard, "received")
    assertScreen(wizard.shot(), named: "09-token--refresh-expiry")

    var soon = OAuthScreenGoldenTests.atToken(.oauthPassword)
    soon.press(.enter)
    var tokens = OAuthScreenGoldenTests.tokens
    tokens.refreshTokenExpiresAt = tokens.obtainedAt.addingTimeInterval(3 * 86_400)
    soon.send(.tokenFinished(.received(tokens)))
    let text = soon.frame().lines().joined(separator: "\n")
    #expect(text.contains("expires in 3 days"))
    assertScreen(soon.shot(), named: "09-token--refresh-warning")
  }

  @Test func prepareForLiveAgentTransfer() {
    var wizard = WizardScreenGoldenTests.atTest()
    wizard.press(.enter)
    wizard.send(.testFinished(.passed(TestReport(details: ["Signed in as admin."]))))
    wizard.press(.enter)
    wizard.send(.keyringChecked(problem: nil))  // a desktop session's keyring answers
    wizard.press(.enter)
    wizard.send(.saveFinished(.saved(location: "/home/ada/.config/snowgate/config.json")))
    wizard.press(.character("a"))
    guard
      case .checkAgentTransfer(let name, nil, AgentTransferStep.defaultGroup, nil, false)? = wizard.effects
        .first
    else {
      Issue.record("a did not run the checks: \(wizard.effects)")
      return
    }
    #expect(name == "dev12345")
    let lines = [
      CheckLineUpdate(
        id: "plugin.com.glide.awa", title: "Advanced Work Assignment", status: .pass,
        detail: "com.glide.awa is installed and active."),
      CheckLineUpdate(
        id: "group", title: "Agent group", status: .pass, detail: "“Consumer Service Support” exists."),
      CheckLineUpdate(
        id: "role.awa_agent", title: "Role awa_agent", status: .fail,
        detail: "The group lacks awa_agent: its members cannot take chats.",
        remedy: "All > User Administration > Groups > open “Consumer Service Support” > Roles > Edit."),
      CheckLineUpdate(id: "members", title: "Members", status: .pass, detail: "1 member(s): beth.anglin."),
    ]
    wizard.send(
      .agentTransferChecked(
        .checked(
          lines: lines, refused: [],
          changes: ["give the group “Consumer Service Support” the role awa_agent"],
          made: [])))
    assertScreen(wizard.shot(), named: "14-agent-transfer--checked")
    wizard.press(.character("f"))
    #expect(wizard.effects.isEmpty, "f only asks")
    assertScreen(wizard.shot(), named: "14-agent-transfer--confirm")
    wizard.press(.character("n"))
    #expect(wizard.effects.isEmpty, "no writes nothing")
    wizard.press(.character("f"))
    wizard.press(.character("y"))
    guard case .checkAgentTransfer(_, _, _, _, true)? = wizard.effects.first else {
      Issue.record("y did not fix: \(wizard.effects)")
      return
    }
    var fixed = lines
    fixed[2].status = .pass
    fixed[2].detail = "The group has awa_agent."
    fixed[2].remedy = nil
    wizard.send(
      .agentTransferChecked(
        .checked(
          lines: fixed, refused: [], changes: [],
          made: ["give the group “Consumer Service Support” the role awa_agent"])))
    assertScreen(wizard.shot(), named: "14-agent-transfer--fixed")
    wizard.press(.character("w"))
    wizard.type("https://bot.example.com/hooks/42")
    assertScreen(wizard.shot(), named: "14-agent-transfer--webhook")
    wizard.press(.enter)
    guard
      case .checkAgentTransfer(_, "https://bot.example.com/hooks/42", _, nil, false)? = wizard.effects.first
    else {
      Issue.record("Enter in the webhook field did not check with it: \(wizard.effects)")
      return
    }
    // Another group and a member to add: each field opens with its key and Enter checks with it.
    wizard.send(.agentTransferChecked(.checked(lines: lines, refused: [], changes: [], made: [])))
    wizard.press(.character("g"))
    for _ in 0..<40 { wizard.press(.backspace) }
    wizard.type("Tier 2 Agents")
    wizard.press(.enter)
    wizard.send(.agentTransferChecked(.checked(lines: lines, refused: [], changes: [], made: [])))
    wizard.press(.character("m"))
    wizard.type("beth.anglin")
    assertScreen(wizard.shot(), named: "14-agent-transfer--group-and-member")
    wizard.press(.enter)
    guard
      case .checkAgentTransfer(
        _, "https://bot.example.com/hooks/42", "Tier 2 Agents", "beth.anglin", false)? =
        wizard.effects.first
    else {
      Issue.record("g and m did not check with the group and member: \(wizard.effects)")
      return
    }
  }
}
