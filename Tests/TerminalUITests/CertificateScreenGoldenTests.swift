import Foundation
import ServiceNowClient
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// The certificate (mutual TLS) screens of the wizard at 80×24: the fields screen with its
/// masked passphrase, its F1 help with the instance-side steps, and the test's two refusals.
@Suite struct CertificateScreenGoldenTests {
  static let passphrase = "S3CR3T-golden-passphrase"

  /// The wizard on the certificate screen, both paths and the passphrase typed.
  static func atCertificate() -> WizardScreenGoldenTests.Wizard {
    var wizard = WizardScreenGoldenTests.atInstance()
    wizard.press(.enter)
    wizard.send(.probeFinished(.reachable))
    wizard.press(.enter)  // to the auth type
    let available = AuthKind.allCases.filter(\.isAvailable)
    wizard.press(.down, times: available.firstIndex(of: .certificate) ?? 0)
    wizard.press(.enter)
    wizard.type("/home/me/certs/snowgate.pem")
    wizard.press(.tab)
    wizard.type("/home/me/certs/snowgate.key")
    wizard.press(.tab)
    wizard.type(passphrase)
    return wizard
  }

  @Test func theCertificateScreenMasksThePassphraseAndItsHelpNamesTheInstanceSetup() {
    let wizard = Self.atCertificate()
    #expect(wizard.state.screen == .credentials)
    assertScreen(wizard.shot(), named: "09-certificate")
    #expect(!wizard.frame().lines().joined().contains(Self.passphrase))
    #expect(!wizard.shot().plainText.contains(Self.passphrase))

    var help = wizard
    help.press(.help)
    assertScreen(help.shot(), named: "09-certificate--help")
    let text = help.frame().lines().joined(separator: "\n")
    #expect(text.contains("com.glide.auth.mutual"))
    #expect(text.contains("User to Certificate Mapping"))
  }

  @Test func theTestNamesTheRefusalOfTheCertificate() {
    var wizard = Self.atCertificate()
    wizard.press(.enter)
    #expect(wizard.state.screen == .test)
    guard case .certificate(let certificate)? = wizard.state.connectionDraft?.auth else {
      Issue.record("the draft is not a certificate sign-in")
      return
    }
    #expect(certificate.certificateFile == "/home/me/certs/snowgate.pem")
    #expect(certificate.keyFile == "/home/me/certs/snowgate.key")
    #expect(certificate.passphrase?.reveal() == Self.passphrase)

    var unmapped = wizard
    unmapped.press(.enter)
    unmapped.send(.testFinished(.failed(WizardScreenGoldenTests.verdict(.authCertificateRejected))))
    assertScreen(unmapped.shot(), named: "09-certificate--test-unmapped")

    var refused = wizard
    refused.press(.enter)
    refused.send(.testFinished(.failed(WizardScreenGoldenTests.verdict(.tlsClientCertificateRefused))))
    assertScreen(refused.shot(), named: "09-certificate--test-refused")
    #expect(!refused.frame().lines().joined().contains(Self.passphrase))
  }

  @Test func emptyPathsAreExplainedAndThePassphraseMayStayEmpty() {
    var wizard = WizardScreenGoldenTests.atInstance()
    wizard.press(.enter)
    wizard.send(.probeFinished(.reachable))
    wizard.press(.enter)
    wizard.press(.down, times: AuthKind.allCases.filter(\.isAvailable).firstIndex(of: .certificate) ?? 0)
    wizard.press(.enter)
    wizard.press(.tab, times: 2)
    wizard.press(.enter)
    #expect(wizard.state.screen == .credentials)
    #expect(wizard.state.credentials.certificateError != nil)
    #expect(wizard.state.credentials.focus == .certificateFile)
    wizard.type("/c.pem")
    wizard.press(.enter)
    #expect(wizard.state.credentials.focus == .keyFile, "Enter moves on to the empty key field")
    wizard.type("/c.key")
    wizard.press(.enter)
    #expect(wizard.state.screen == .test, "no passphrase is needed for a plain key")
    wizard.press(.escape)
    #expect(wizard.state.screen == .credentials, "Esc from the test goes back to the certificate")
  }
}
