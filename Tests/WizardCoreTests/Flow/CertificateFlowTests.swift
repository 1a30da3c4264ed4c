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
    var description = SetupDraft(
      name: "mtls", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .certificate,
      secretStore: .file)
    description.clientCertificateFile = "/certs/c.pem"
    description.clientKeyFile = "/certs/c.key"
    let saved = SavedProfile(draft: description, keyPassphrase: Secret(Self.passphrase))
    _ = reduce(&state, .profileLoaded(saved))
    #expect(state.credentials.certificateFile.text == "/certs/c.pem")
    #expect(state.credentials.keyFile.text == "/certs/c.key")
    #expect(state.credentials.passphrase.secret.reveal() == Self.passphrase)
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
    var half = SetupDraft(
      name: "half", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .certificate,
      // The word drafts saved before the certificate joined the credentials screen.
      step: "certificate")
    half.clientCertificateFile = "/certs/c.pem"
    half.clientKeyFile = "/certs/c.key"
    let resumed = SavedProfile(draft: half)
    _ = reduce(&state, .profileLoaded(resumed))
    #expect(state.screen == .credentials)
    #expect(screenModel(for: state).id == "credentials-certificate")
    _ = reduce(&state, .key(.tab))
    _ = reduce(&state, .key(.tab))
    #expect(state.credentials.focus == .passphrase)
    for character in Self.passphrase { _ = reduce(&state, .key(.character(character))) }
    let summary = try #require(state.draftSummary)
    #expect(summary.step == "credentials")
    #expect(summary.clientCertificateFile == "/certs/c.pem")
    #expect(summary.clientKeyFile == "/certs/c.key")
    #expect(!String(describing: summary).contains(Self.passphrase), "a draft holds no secret")
  }
}
