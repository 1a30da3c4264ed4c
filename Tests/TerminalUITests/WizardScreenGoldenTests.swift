import Foundation
import ServiceNowClient
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// The picture book: every screen state of the Basic-auth wizard at 80×24, as a person sees it.
///
/// Each state is reached by sending the wizard the events a person and the runtime would, so a
/// golden file shows what the real flow draws, not a hand-made model. The verdicts come from
/// the client's own failure catalogue, so their wording is the wording users read.
@Suite struct WizardScreenGoldenTests {
  static let sentinel = "S3CR3T-golden-pw"

  /// A wizard driven by events, as the runtime drives it.
  struct Wizard {
    var state = WizardState()
    var effects: [WizardEffect] = []

    init() {
      send(.start(savedProfiles: []))
    }

    mutating func send(_ event: WizardEvent) {
      effects = reduce(&state, event)
    }

    mutating func press(_ key: Key, times: Int = 1) {
      for _ in 0..<times { send(.key(key)) }
    }

    mutating func type(_ text: String) {
      for character in text { send(.key(.character(character))) }
    }

    func frame(width: Int = 80, height: Int = 24) -> Frame {
      ScreenRenderer.render(screenModel(for: state), width: width, height: height)
    }

    /// The screen as both terminals show it, for `assertScreen`.
    func shot(width: Int = 80, height: Int = 24) -> ScreenShot {
      ScreenShot(screenModel(for: state), width: width, height: height)
    }
  }

  static func verdict(_ code: FailureCode, detail: String? = nil) -> Verdict {
    let failure = FailureCatalog.failure(code, detail: detail)
    return Verdict(code: failure.code, summary: failure.summary, remedies: failure.remedies)
  }

  /// The wizard on the instance screen with `dev12345` typed.
  static func atInstance() -> Wizard {
    var wizard = Wizard()
    wizard.press(.enter)
    wizard.type("dev12345")
    return wizard
  }

  /// The wizard on the Basic credentials screen, the instance found reachable.
  static func atCredentials() -> Wizard {
    var wizard = atInstance()
    wizard.press(.enter)
    wizard.send(.probeFinished(.reachable))
    wizard.press(.enter)  // to the auth type
    wizard.press(.enter)  // Basic
    wizard.type("integration.user")
    wizard.press(.tab)
    wizard.type(sentinel)
    return wizard
  }

  /// The wizard on the test screen, before the test runs.
  static func atTest() -> Wizard {
    var wizard = atCredentials()
    wizard.press(.enter)
    return wizard
  }

  @Test func singleSignOnIsNamedAndTheBrowserSignInComesFirst() {
    var wizard = Self.atInstance()
    wizard.press(.enter)
    let provider = IdentityProviderRedirect(
      host: "login.microsoftonline.com", kind: .saml, product: "Entra ID")
    wizard.send(.singleSignOnFound(provider))
    wizard.send(.probeFinished(.reachable))
    assertScreen(wizard.shot(), named: "02-instance--sso")
    wizard.press(.enter)
    let model = screenModel(for: wizard.state)
    guard case .choice(let first) = model.items.first else {
      Issue.record("the auth-type screen has no choices")
      return
    }
    #expect(first.label == AuthKind.oauthAuthorizationCode.title)
    #expect(model.focus == 0)
    assertScreen(wizard.shot(), named: "03-auth-type--sso")
    // Down from the browser sign-in reaches Basic, the next in the offered order.
    wizard.press(.down)
    #expect(wizard.state.authType.focus == .basic)
  }

  @Test func welcome() {
    assertScreen(Wizard().shot(), named: "01-welcome")
  }

  @Test func instanceScreens() {
    var wizard = Wizard()
    wizard.press(.enter)
    assertScreen(wizard.shot(), named: "02-instance--empty")
    wizard.type("dev1234")
    assertScreen(wizard.shot(), named: "02-instance--typing")

    var invalid = Wizard()
    invalid.press(.enter)
    invalid.type("ftp://dev12345.service-now.com")
    invalid.press(.enter)
    assertScreen(invalid.shot(), named: "02-instance--invalid")

    var probing = Self.atInstance()
    probing.press(.enter)
    #expect(probing.effects == [.probeInstance(URL(string: "https://dev12345.service-now.com")!)])
    probing.send(.tick(.seconds(10)))
    probing.send(.tick(.seconds(13)))
    assertScreen(probing.shot(), named: "02-instance--probing")

    var reachable = probing
    reachable.send(.probeFinished(.reachable))
    assertScreen(reachable.shot(), named: "02-instance--reachable")

    var hibernating = probing
    hibernating.send(.probeFinished(.hibernating))
    assertScreen(hibernating.shot(), named: "02-instance--hibernating")

    var unreachable = probing
    unreachable.send(.probeFinished(.unreachable(Self.verdict(.dnsNotFound))))
    assertScreen(unreachable.shot(), named: "02-instance--unreachable")

    var help = Self.atInstance()
    help.press(.help)
    assertScreen(help.shot(), named: "02-instance--help")
  }

  @Test func authTypeAndCredentials() {
    var wizard = Self.atInstance()
    wizard.press(.enter)
    wizard.send(.probeFinished(.reachable))
    wizard.press(.enter)
    assertScreen(wizard.shot(), named: "03-auth-type")

    let credentials = Self.atCredentials()
    assertScreen(credentials.shot(), named: "04-basic-credentials")
    #expect(!credentials.frame().lines().joined().contains(Self.sentinel))

    var quitting = credentials
    quitting.press(.interrupt)
    assertScreen(quitting.shot(), named: "04-basic-credentials--quit-dialog")
  }

  @Test func testScreens() {
    var wizard = Self.atTest()
    assertScreen(wizard.shot(), named: "05-test--ready")
    wizard.press(.enter)
    #expect(wizard.effects.count == 1)
    wizard.send(.tick(.seconds(100)))
    wizard.send(.tick(.seconds(102)))
    assertScreen(wizard.shot(), named: "05-test--testing")

    var passed = wizard
    passed.send(
      .testFinished(
        .passed(
          TestReport(details: [
            "Signed in as integration.user.", "Table API: read sys_user (3 users visible).",
            "Table API: read sys_db_object (table definitions).",
          ]))))
    assertScreen(passed.shot(), named: "05-test--passed")

    var rejected = wizard
    rejected.send(.testFinished(.failed(Self.verdict(.authBasicRejected))))
    assertScreen(rejected.shot(), named: "05-test--failed-401")

    var forbidden = wizard
    forbidden.send(.testFinished(.failed(Self.verdict(.apiForbidden))))
    assertScreen(forbidden.shot(), named: "05-test--failed-403")
  }

  @Test func saveAndDone() {
    var wizard = Self.atTest()
    wizard.press(.enter)
    wizard.send(.testFinished(.passed(TestReport(details: ["Signed in as integration.user."]))))
    wizard.press(.enter)
    #expect(wizard.effects == [.checkKeyring])
    wizard.send(.keyringChecked(problem: nil))  // a desktop session's keyring answers
    assertScreen(wizard.shot(), named: "06-save")
    wizard.press(.enter)
    guard case .saveProfile? = wizard.effects.first else {
      Issue.record("Enter on the save screen did not save: \(wizard.effects)")
      return
    }
    wizard.send(.saveFinished(.saved(location: "/home/ada/.config/snowgate/config.json")))
    assertScreen(wizard.shot(), named: "07-done")
  }

  @Test func pastePrefillPracticeAndShadowedSecrets() {
    var pasted = Wizard()
    pasted.press(.enter)
    pasted.press(.paste(Secret("  dev12345.service-now.com  \nsecond line\n")))
    assertScreen(pasted.shot(), named: "02-instance--pasted")

    var prefilled = Wizard()
    prefilled.send(
      .start(
        savedProfiles: [], profileName: "prod",
        prefill: SetupPrefill(instance: "dev12345", authKind: .oauthPassword, username: "integration.user")))
    assertScreen(prefilled.shot(), named: "02-instance--prefilled")

    let context = WizardContext(
      configPath: "/srv/snowgate/config.json", credentialsPath: "/srv/snowgate/credentials.json",
      secretVariablesSet: ["SNOWGATE_PASSWORD"])
    var shadowed = Self.atTest()
    shadowed.state.context = context
    shadowed.press(.enter)
    shadowed.send(.testFinished(.passed(TestReport(details: ["Signed in as integration.user."]))))
    shadowed.press(.enter)
    assertScreen(shadowed.shot(), named: "06-save--shadowed")

    var practice = Self.atTest()
    practice.state.context = WizardContext(
      configPath: "/tmp/snowgate-demo-Ab12Cd/config.json",
      credentialsPath: "/tmp/snowgate-demo-Ab12Cd/credentials.json",
      practice: PracticeRun(
        keepsProfiles: false, realConfigPath: "~/.config/snowgate/config.json",
        realCredentialsPath: "~/.config/snowgate/credentials.json"))
    practice.press(.enter)
    practice.send(.testFinished(.passed(TestReport(details: ["Signed in as integration.user."]))))
    practice.press(.enter)
    // The practice run never asks the keyring, and says so rather than "Checking…" for ever.
    #expect(practice.effects.isEmpty)
    #expect(practice.shot().plainText.contains("Not used by the practice run."))
    practice.press(.enter)
    practice.send(.saveFinished(.saved(location: "/tmp/snowgate-demo-Ab12Cd/config.json")))
    assertScreen(practice.shot(), named: "07-done--practice")
  }

  @Test func terminalTooSmall() {
    assertScreen(Wizard().frame(width: 50, height: 15), named: "99-too-small")
  }

  @Test func noGoldenShowsTheTypedPassword() throws {
    let directory = ScreenGolden.directory(filePath: #filePath)
    // Every golden, the plain-line, help and JSON ones in their folders too.
    for file in try FileManager.default.subpathsOfDirectory(atPath: directory.path)
    where file.hasSuffix(".txt") || file.hasSuffix(".json") {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains(Self.sentinel), "screens/\(file) shows the password")
    }
  }
}
