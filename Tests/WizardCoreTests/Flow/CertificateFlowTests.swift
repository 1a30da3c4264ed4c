import Foundation
import Testing
import Vocabulary

@testable import WizardCore

/// The certificate kind through the wizard's state machine: a saved certificate profile opens
/// with its files and passphrase on the certificate screen, and a half-finished setup keeps the
/// two paths (never the passphrase) and reopens there.
@Suite struct CertificateFlowTests {
  static let passphrase = "S3CR3T-flow-passphrase"

  static func loading() -> WizardState {
    var state = WizardState(screen: .pickProfile)
    state.picker.isLoading = true
    state.activity = Activity(kind: .loadProfile)
    return state
  }

  @Test func aSavedCertificateProfileOpensWithItsFilesAndPassphrase() throws {
    var state = Self.loading()
    var saved = SavedProfile(name: "mtls", instance: "https://acme.service-now.com", authKind: .certificate)
    saved.clientCertificateFile = "/certs/c.pem"
    saved.clientKeyFile = "/certs/c.key"
    saved.keyPassphrase = Secret(Self.passphrase)
    _ = reduce(&state, .profileLoaded(saved))
    #expect(state.certificate.certificateFile.text == "/certs/c.pem")
    #expect(state.certificate.keyFile.text == "/certs/c.key")
    #expect(state.certificate.passphrase.secret.reveal() == Self.passphrase)
    guard case .certificate(let certificate)? = state.connectionDraft?.auth else {
      Issue.record("the loaded profile does not sign in with its certificate")
      return
    }
    #expect(
      certificate
        == ClientCertificate(
          certificateFile: "/certs/c.pem", keyFile: "/certs/c.key", passphrase: Secret(Self.passphrase)))
  }

  @Test func aHalfFinishedCertificateSetupKeepsThePathsAndReopensOnItsScreen() throws {
    var state = Self.loading()
    state.savedProfiles = [
      ProfileChoice(
        name: "half", instance: "https://acme.service-now.com", authKind: .certificate, isComplete: false)
    ]
    var resumed = SavedProfile(
      name: "half", instance: "https://acme.service-now.com", authKind: .certificate, resumeAt: .certificate)
    resumed.clientCertificateFile = "/certs/c.pem"
    resumed.clientKeyFile = "/certs/c.key"
    _ = reduce(&state, .profileLoaded(resumed))
    #expect(state.screen == .certificate)
    _ = reduce(&state, .key(.tab))
    _ = reduce(&state, .key(.tab))
    #expect(state.certificate.focus == .passphrase)
    for character in Self.passphrase { _ = reduce(&state, .key(.character(character))) }
    let summary = try #require(state.draftSummary)
    #expect(summary.step == "certificate")
    #expect(summary.clientCertificateFile == "/certs/c.pem")
    #expect(summary.clientKeyFile == "/certs/c.key")
    #expect(!String(describing: summary).contains(Self.passphrase), "a draft holds no secret")
  }
}
