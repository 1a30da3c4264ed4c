import Foundation
import Testing
import Vocabulary

@testable import WizardCore

/// "Diagnose a saved connection": the checks run live, r runs them again, Enter opens the fix.
@Suite struct DiagnoseFlowTests {
  static let rejected = Verdict(
    code: "auth.basic_rejected", summary: "The instance refused the user name and password (401).",
    remedies: ["Check the password."])

  /// The diagnose screen of `prod` with its checks running.
  static func running() -> TestStore {
    var state = WizardState(screen: .diagnose, savedProfiles: Fixtures.profiles)
    state.diagnosis = DiagnoseStep(profileName: "prod")
    state.activity = Activity(kind: .diagnose)
    return TestStore(state)
  }

  @Test func checkLinesArriveLiveAndTheVerdictEndsTheRun() {
    var store = Self.running()
    let pending = CheckLineUpdate(id: "dns", title: "DNS", status: .pending)
    let passed = CheckLineUpdate(id: "dns", title: "DNS", status: .pass, detail: "1.2.3.4")
    store.send(.checkProgress(pending)) { $0.diagnosis?.checks = [pending] }
    store.send(.checkProgress(passed)) { $0.diagnosis?.checks = [passed] }
    store.send(.testFinished(.failed(Self.rejected))) {
      $0.activity = nil
      $0.diagnosis?.outcome = .failed(Self.rejected)
    }
    let model = screenModel(for: store.state)
    #expect(model.items == [.check(passed.lineModel)])
    #expect(model.messages.first?.title == Self.rejected.summary)
  }

  @Test func lateLinesAfterTheRunAreIgnored() {
    var store = Self.running()
    store.send(.testFinished(.passed(TestReport(details: ["ok"])))) {
      $0.activity = nil
      $0.diagnosis?.outcome = .passed(TestReport(details: ["ok"]))
    }
    store.send(.checkProgress(CheckLineUpdate(id: "dns", title: "DNS", status: .fail)))
  }

  @Test func rRunsTheChecksAgainFromAClearScreen() {
    var store = Self.running()
    store.send(.checkProgress(CheckLineUpdate(id: "dns", title: "DNS", status: .pass))) {
      $0.diagnosis?.checks = [CheckLineUpdate(id: "dns", title: "DNS", status: .pass)]
    }
    store.send(.testFinished(.failed(Self.rejected))) {
      $0.activity = nil
      $0.diagnosis?.outcome = .failed(Self.rejected)
    }
    store.send(.character("r"), effects: [.diagnose(profileName: "prod")]) {
      $0.diagnosis = DiagnoseStep(profileName: "prod")
      $0.begin(.diagnose)
    }
  }

  @Test func enterOnAnAuthFailureOpensTheSavedPasswordToFix() {
    var store = Self.running()
    store.send(.testFinished(.failed(Self.rejected))) {
      $0.activity = nil
      $0.diagnosis?.outcome = .failed(Self.rejected)
    }
    store.send(.enter, effects: [.loadProfile(name: "prod")]) {
      $0.diagnosis?.fixing = .editCredentials
      $0.picker = ProfilePickerStep(purpose: .edit)
      $0.picker.isLoading = true
      $0.begin(.loadProfile)
      $0.screen = .pickProfile
    }
    _ = reduce(
      &store.state,
      .profileLoaded(
        SavedProfile(
          draft: SetupDraft(
            name: "prod", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .basic,
            username: "admin", secretStore: .file),
          password: Secret("S3CR3T-old"))))
    #expect(store.state.screen == .credentials)
    #expect(store.state.credentials.focus == .password)
    #expect(store.state.diagnosis == nil)
    #expect(store.state.editingProfileName == "prod")
  }

  @Test func enterOnANetworkFailureOpensTheAddress() {
    var store = Self.running()
    let unreachable = Verdict(code: "dns.not_found", summary: "No such host.")
    store.send(.testFinished(.failed(unreachable))) {
      $0.activity = nil
      $0.diagnosis?.outcome = .failed(unreachable)
    }
    store.send(.enter, effects: [.loadProfile(name: "prod")]) {
      $0.diagnosis?.fixing = .editInstance
      $0.picker = ProfilePickerStep(purpose: .edit)
      $0.picker.isLoading = true
      $0.begin(.loadProfile)
      $0.screen = .pickProfile
    }
    _ = reduce(
      &store.state,
      .profileLoaded(
        SavedProfile(
          draft: SetupDraft(
            name: "prod", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .basic,
            secretStore: .file))))
    #expect(store.state.screen == .instance)
  }

  @Test func escapeWhileRunningStopsTheChecksAndGoesBack() {
    var store = Self.running()
    store.send(.escape, effects: [.cancel(.diagnose)]) {
      $0.activity = nil
      $0.screen = .welcome
    }
  }
}
