import Foundation
import Testing
import Vocabulary

@testable import WizardCore

/// The diagnose screen's instance-setup layer (issue 14): an OAuth profile's setup is read as
/// the profile itself first, `a` moves to the next saved profile of the same instance, and the
/// lines of a run that was replaced never land in the next one.
@Suite struct DiagnoseInstanceSetupFlowTests {
  static let profiles = [
    ProfileChoice(name: "web", instance: "https://acme.service-now.com", authKind: .oauthAuthorizationCode),
    ProfileChoice(name: "other", instance: "https://other.service-now.com", authKind: .basic),
    ProfileChoice(name: "adm", instance: "https://ACME.service-now.com/", authKind: .basic),
    ProfileChoice(name: "half", instance: "https://acme.service-now.com", isComplete: false),
    ProfileChoice(name: "key", instance: "https://acme.service-now.com", authKind: .apiKey),
  ]

  static func finished(_ state: inout WizardState) {
    _ = reduce(&state, .testFinished(.passed(TestReport(details: ["ok"]))))
  }

  @Test func anOAuthProfileIsReadAsItselfFirstWithTheSameInstancesProfilesToPick() {
    var state = WizardState(screen: .welcome, savedProfiles: Self.profiles)
    let effects = state.startDiagnosis(of: "web")
    #expect(effects == [.diagnose(profileName: "web", setupAdmin: "web")])
    // Another instance and an unfinished setup are not offered; an API-key profile may read.
    #expect(state.diagnosis?.adminChoices == ["web", "adm", "key"])
    let model = screenModel(for: state)
    #expect(model.intro.first?.contains("Then its OAuth setup on the instance, read as web.") == true)
  }

  @Test func aBasicOrAPIKeyProfileHasNoSetupLayer() {
    var state = WizardState(screen: .welcome, savedProfiles: Self.profiles)
    #expect(state.startDiagnosis(of: "adm") == [.diagnose(profileName: "adm")])
    #expect(state.diagnosis?.setupAdmin == nil)
    #expect(state.startDiagnosis(of: "key") == [.diagnose(profileName: "key")])
    Self.finished(&state)
    #expect(!screenModel(for: state).hints.contains { $0.key == "a" })
  }

  @Test func aReadsAsTheNextProfileAndRKeepsTheChoice() throws {
    var state = WizardState(screen: .welcome, savedProfiles: Self.profiles)
    _ = state.startDiagnosis(of: "web")
    // Not while the checks run.
    #expect(reduce(&state, .key(.character("a"))).isEmpty)
    Self.finished(&state)
    #expect(screenModel(for: state).hints.contains(KeyHint("a", "Read as adm")))
    let first = try #require(state.startedOperations as Int?)
    #expect(reduce(&state, .key(.character("a"))) == [.diagnose(profileName: "web", setupAdmin: "adm")])
    #expect(state.startedOperations == first + 1)
    #expect(state.diagnosis?.checks.isEmpty == true, "a run starts from a clear screen")
    Self.finished(&state)
    #expect(reduce(&state, .key(.character("r"))) == [.diagnose(profileName: "web", setupAdmin: "adm")])
    Self.finished(&state)
    _ = reduce(&state, .key(.character("a")))
    Self.finished(&state)
    #expect(reduce(&state, .key(.character("a"))) == [.diagnose(profileName: "web", setupAdmin: "web")])
  }

  @Test func aSetupLineOfAReplacedRunIsDropped() throws {
    var state = WizardState(screen: .welcome, savedProfiles: Self.profiles)
    _ = state.startDiagnosis(of: "web")
    let asItself = try #require(state.activity?.id)
    _ = reduce(&state, .key(.escape))
    _ = state.startDiagnosis(of: "web", admin: "adm")
    let asAdmin = try #require(state.activity?.id)
    let late = CheckLineUpdate(
      id: "oauth.active", title: "Active", status: .fail, detail: "The record is not Active",
      code: "oauth.active")
    _ = reduce(&state, .result(of: asItself, .checkProgress(late)))
    #expect(state.diagnosis?.checks.isEmpty == true)
    _ = reduce(&state, .result(of: asAdmin, .checkProgress(late)))
    #expect(state.diagnosis?.checks == [late])
  }
}
