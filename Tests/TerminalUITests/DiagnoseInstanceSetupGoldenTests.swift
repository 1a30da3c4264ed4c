import Foundation
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// The diagnose screen's instance-setup layer at 80×24 (issue 14): an OAuth profile whose
/// record has a wrong redirect URL (the end of the screen, then PgUp to the failing line), and
/// a profile without admin rights whose reads were refused. The lines carry the words of
/// `check NAME --instance-setup` (the in-process wizard tests prove they are the command's).
@Suite struct DiagnoseInstanceSetupGoldenTests {
  typealias Wizard = WizardScreenGoldenTests.Wizard

  static let place =
    "All > System OAuth > Application Registry > open “snowgate demo”, or from Zurich on "
    + "All > Machine Identity Console > Inbound integrations > open “snowgate demo”"

  /// The diagnose screen of the OAuth profile `web`, its layers passed; `adm` is saved beside it.
  static func layersPassed() -> Wizard {
    var wizard = Wizard()
    wizard.send(
      .start(savedProfiles: [
        ProfileChoice(
          name: "web", instance: "https://dev12345.service-now.com", authKind: .oauthAuthorizationCode),
        ProfileChoice(name: "adm", instance: "https://dev12345.service-now.com", authKind: .basic),
      ]))
    wizard.press(.down, times: 2)
    wizard.press(.enter)
    wizard.press(.enter)
    var layers = LiveCheckGoldenTests.passes
    layers[6] = LiveCheckGoldenTests.pass("auth", "Auth", "user admin signed in with a refresh token", 140)
    layers[9] = LiveCheckGoldenTests.pass("token", "Token", "a bearer token, 29 min left", 0)
    for line in layers { wizard.send(.checkProgress(line)) }
    return wizard
  }

  static func line(
    _ id: String, _ title: String, _ status: CheckLineModel.Status, _ detail: String, remedy: String? = nil
  ) -> CheckLineUpdate {
    CheckLineUpdate(id: id, title: title, status: status, detail: detail, remedy: remedy, code: id)
  }

  static func wrongRedirect() -> Wizard {
    var wizard = layersPassed()
    let setup: [CheckLineUpdate] = [
      line(
        DiagnoseStep.setupLineID, "Instance setup", .fail, "Read as web: 1 to fix.",
        remedy: "Each line below says where to click; snowgate changes nothing here."),
      line("oauth.record", "OAuth record", .pass, "“snowgate demo” has the client ID snowgate-demo."),
      line("oauth.active", "Active", .pass, "The record is Active."),
      line(
        "oauth.redirect", "Redirect URL", .fail,
        "The record has https://elsewhere.example.test/oauth/callback, not http://127.0.0.1:8484/callback: "
          + "the instance sends the browser to the first registered URL, and the sign-in waits in vain.",
        remedy: "\(place), set Redirect URL to exactly http://127.0.0.1:8484/callback (or add it, "
          + "comma-separated), Update."),
      line(
        "oauth.public_client", "Client type", .pass,
        "A confidential client: the profile needs its Client Secret."),
      line(
        "oauth.lifespans", "Token lifespans", .pass, "access tokens live 30 min; refresh tokens 100 days."),
      line(
        "oauth.refresh_expiry", "Refresh token", .warn,
        "This profile's refresh token expires at 2026-12-05T01:00:00Z (in 3 days).",
        remedy: "Sign in again before then (snowgate setup web), or raise Refresh Token Lifespan: \(place)."),
    ]
    for update in setup { wizard.send(.checkProgress(update)) }
    wizard.send(.testFinished(.passed(TestReport(details: ["Signed in as admin.", "All checks passed."]))))
    return wizard
  }

  @Test func aWrongRedirectURLFailsUnderTheLayersWithWhereToClick() {
    var wizard = Self.wrongRedirect()
    #expect(wizard.effects.isEmpty)
    assertScreen(wizard.shot(), named: "12-diagnose--instance-setup")
    wizard.press(.pageUp)
    assertScreen(wizard.shot(), named: "12-diagnose--instance-setup-scrolled")
    let text = ScreenGolden.text(of: wizard.frame())
    #expect(text.contains("✗ Redirect URL"), "\(text)")
  }

  @Test func refusedReadsSayWhatTheyWouldHaveTold() {
    var wizard = Self.layersPassed()
    let refused: [CheckLineUpdate] = [
      Self.line(
        DiagnoseStep.setupLineID, "Instance setup", .warn, "Read as web: Nothing to fix; 1 read(s) refused."),
      Self.line(
        "oauth.record", "OAuth record", .skip, "Not checked: the instance refused the read of oauth_entity.",
        remedy: "Run it with an admin profile: --admin PROFILE."),
      Self.line(
        "refused.oauth_entity", "Read refused: oauth_entity", .warn,
        "The instance refused the read (403): Insufficient rights to query records; it would have told "
          + "whether the OAuth record for client ID snowgate-demo exists and is Active, its redirect URL, "
          + "public client or not, token lifespans and OAuth Application User.",
        remedy: "web has no admin rights there. Press a to read it as adm, or run snowgate check web "
          + "--instance-setup --admin PROFILE."),
    ]
    for update in refused { wizard.send(.checkProgress(update)) }
    wizard.send(.testFinished(.passed(TestReport(details: ["All checks passed."]))))
    assertScreen(wizard.shot(), named: "12-diagnose--setup-refused")
  }

  @Test func theHelpSaysWhatIsReadAndThatNothingIsChanged() {
    var wizard = Self.wrongRedirect()
    wizard.press(.help)
    assertScreen(wizard.shot(), named: "12-diagnose--help")
    let text = ScreenGolden.text(of: wizard.frame())
    #expect(text.contains("Nothing is changed from here"), "\(text)")
  }
}
