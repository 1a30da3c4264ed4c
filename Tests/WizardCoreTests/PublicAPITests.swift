import Foundation
import Testing
import WizardCore

/// Drives a whole Basic setup the way the runtime does, through the public API only (no
/// `@testable`), so anything the runtime needs but cannot reach fails to compile here.
@Suite struct PublicAPITests {
  /// A stand-in runtime: answers each effect with the event a healthy instance would produce.
  static func answer(_ effect: WizardEffect) -> WizardEvent? {
    switch effect {
    case .probeInstance: return .probeFinished(.reachable)
    case .testConnection: return .testFinished(.passed(TestReport(details: ["Signed in as admin"])))
    case .saveProfile(let draft): return .saveFinished(.saved(location: "/tmp/\(draft.name).json"))
    case .loadProfile, .diagnose, .cancel, .quit: return nil
    }
  }

  @Test func aBasicSetupRunsFromStartToQuit() {
    var state = WizardState()
    var log: [WizardEffect] = []
    var events: [WizardEvent] = [.start(savedProfiles: [], prefilledInstance: "http://127.0.0.1:8080")]
    events += [.key(.enter), .key(.enter), .tick(.seconds(1)), .key(.enter), .key(.enter)]
    events += "admin".map { .key(.character($0)) } + [.key(.enter)]
    events += "S3CR3T-SENTINEL".map { .key(.character($0)) } + [.key(.enter), .key(.enter), .key(.enter)]
    events += [.key(.enter), .key(.enter)]
    for event in events {
      var pending = [event]
      while !pending.isEmpty {
        let effects = reduce(&state, pending.removeFirst())
        log += effects
        pending += effects.compactMap(Self.answer)
        _ = screenModel(for: state)
      }
    }
    let url = URL(string: "http://127.0.0.1:8080")!
    let draft = ConnectionDraft(
      instanceURL: url, auth: .basic(username: "admin", password: SecretText("S3CR3T-SENTINEL")))
    #expect(
      log == [
        .probeInstance(url), .testConnection(draft),
        .saveProfile(ProfileDraft(name: "local", connection: draft)),
        .quit(.success),
      ])
    #expect(state.screen == .done)
    #expect(state.done == DoneStep(profileName: "local", location: "/tmp/local.json", authKind: .basic))
    #expect(!"\(log)".contains("S3CR3T"))
  }
}
