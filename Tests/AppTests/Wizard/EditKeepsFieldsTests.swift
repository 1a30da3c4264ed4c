import Foundation
import Profiles
import Testing
import Vocabulary
import WizardCore

@testable import App

/// Editing a saved profile in the wizard and saving it again keeps what the wizard has no
/// field for (the CA bundle given with `setup --ca-bundle`).
@Suite struct EditKeepsFieldsTests {
  @Test func savingAnEditedProfileKeepsItsCABundle() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-edit-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = ProfileStore(directory: folder)
    let url = URL(string: "https://acme.service-now.com")!
    try store.save(
      profile: Profile(
        name: "prod", instanceURL: url, authType: .basic, username: "admin", caBundle: "/etc/acme-ca.pem"),
      secrets: StoredCredentials())
    let edited = ProfileDraft(
      name: "prod2",
      connection: ConnectionDraft(instanceURL: url, auth: .basic(username: "ops", password: Secret("x"))),
      replacing: "prod")
    guard case .saved = EffectPerformer.save(edited, store: store) else {
      Issue.record("the edited profile was not saved")
      return
    }
    let saved = try #require(try store.load().profile(named: "prod2"))
    #expect(saved.caBundle == "/etc/acme-ca.pem")
    #expect(saved.username == "ops")
    #expect(try store.load().profile(named: "prod") == nil)
  }
}
