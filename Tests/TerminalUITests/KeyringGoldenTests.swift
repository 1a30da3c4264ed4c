import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// The save screen where no OS keyring answers: said plainly, and the file only after a yes.
@Suite struct KeyringGoldenTests {
  /// KeyringProblem.noSessionBus's sentence, as the runtime passes it on.
  static let noSessionBus =
    "The keyring cannot be used: there is no D-Bus session here (usual over SSH, in containers and "
    + "services). Sign in to a desktop session, start one with dbus-run-session, or keep the secrets "
    + "in the credentials file (--store file)."

  /// The Basic flow's save screen after the keyring answered `problem`.
  static func atSave(keyring problem: String?) -> WizardScreenGoldenTests.Wizard {
    var wizard = WizardScreenGoldenTests.atTest()
    wizard.press(.enter)
    wizard.send(.testFinished(.passed(TestReport(details: ["Signed in as integration.user."]))))
    wizard.press(.enter)
    wizard.send(.keyringChecked(problem: problem))
    return wizard
  }

  @Test func withoutAKeyringTheSaveScreenSaysSoAndAsksBeforeTheFile() {
    var wizard = Self.atSave(keyring: Self.noSessionBus)
    let text = wizard.frame().lines().joined(separator: "\n")
    #expect(text.contains("No OS keyring answers here"))
    #expect(text.contains("credentials.json, asks first"))
    assertScreen(wizard.shot(), named: "16-save--no-keyring")

    wizard.press(.enter)
    #expect(wizard.effects.isEmpty, "saved without asking")
    assertScreen(wizard.shot(), named: "16-save--file-consent")

    var refused = Self.atSave(keyring: Self.noSessionBus)
    refused.press(.down)  // to the list
    refused.press(.down, times: 4)  // the keyring
    refused.press(.enter)
    #expect(refused.effects.isEmpty)
    assertScreen(refused.shot(), named: "16-save--keyring-refused")
  }
}
