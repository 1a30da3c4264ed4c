import Foundation
import ServiceNowClient
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// "Diagnose a saved connection" from the welcome screen, at 80×24: in progress, all passed,
/// and a failure with its remedy under the line. Reached through the reducer.
@Suite struct DiagnoseGoldenTests {
  typealias Wizard = WizardScreenGoldenTests.Wizard

  /// The diagnose screen of `prod`, its ten lines pending.
  static func running() -> Wizard {
    var wizard = Wizard()
    wizard.send(
      .start(savedProfiles: [
        ProfileChoice(name: "prod", instance: "https://dev12345.service-now.com", authKind: .basic)
      ]))
    wizard.press(.down, times: 2)
    wizard.press(.enter)
    wizard.press(.enter)
    for (id, title) in LiveCheckGoldenTests.layers {
      wizard.send(.checkProgress(CheckLineUpdate(id: id, title: title, status: .pending)))
    }
    return wizard
  }

  @Test func diagnosisInProgress() {
    var wizard = Self.running()
    #expect(wizard.effects.isEmpty)
    for line in LiveCheckGoldenTests.passes.prefix(4) { wizard.send(.checkProgress(line)) }
    wizard.send(.checkProgress(CheckLineUpdate(id: "tls", title: "TLS", status: .running)))
    wizard.send(.tick(.seconds(50)))
    wizard.send(.tick(.seconds(51)))
    assertScreen(wizard.shot(), named: "12-diagnose--running")
  }

  @Test func diagnosisAllPassed() {
    var wizard = Self.running()
    for line in LiveCheckGoldenTests.passes { wizard.send(.checkProgress(line)) }
    wizard.send(.testFinished(.passed(TestReport(details: ["All checks passed."]))))
    assertScreen(wizard.shot(), named: "12-diagnose--passed")
  }

  @Test func diagnosisFailureShowsTheRemedyUnderItsLine() {
    var wizard = Self.running()
    let failure = FailureCatalog.failure(.apiForbidden)
    for line in LiveCheckGoldenTests.passes.prefix(7) { wizard.send(.checkProgress(line)) }
    wizard.send(
      .checkProgress(
        CheckLineUpdate(
          id: "api", title: "API", status: .fail, detail: "HTTP 403 from sys_user",
          remedy: failure.remedies.first, elapsedMilliseconds: 120, code: failure.code)))
    for (id, title) in LiveCheckGoldenTests.layers.suffix(2) {
      wizard.send(
        .checkProgress(CheckLineUpdate(id: id, title: title, status: .skip, detail: "skipped: API failed")))
    }
    wizard.send(
      .testFinished(
        .failed(Verdict(code: failure.code, summary: failure.summary, remedies: failure.remedies))))
    assertScreen(wizard.shot(), named: "12-diagnose--failed")
  }
}
