import Platform
import ServiceNowClient
import Vocabulary

/// How `snowgate api` ends when it fails: the sentence on stderr always, and with `--json` the
/// `APIFailureReport` on stdout; the exit status is the verdict's either way.
///
/// The report fills in as the command learns more (the method, then the profile and instance,
/// then the address of each page), so a failure at any step says as much as is known.
struct APIOutcome {
  /// Whether `--json` was given: stdout carries JSON whatever happens.
  var json: Bool
  var report = APIFailureReport(diagnosis: Verdict(code: "usage.invalid", summary: ""))

  init(json: Bool) {
    self.json = json
  }

  /// A usage or configuration mistake; exit status 2 (or the code's, e.g. `config.*`).
  mutating func refuse(_ error: UsageError) -> Int32 {
    CommandLineTool.printError(error.text)
    report.refused(error)
    return finish()
  }

  /// A failure the client or the instance gave.
  mutating func fail(_ failure: ServiceNowFailure, status: Int? = nil) -> Int32 {
    // Worded as check words it: `snowgate setup NAME` names the profile in use.
    var failure = failure
    failure.summary = ReportAdjustment.naming(failure.summary, profile: report.profile)
    failure.remedies = failure.remedies.map { ReportAdjustment.naming($0, profile: report.profile) }
    CommandLineTool.printError(FailureText.render(failure, command: "api"))
    report.failed(failure, status: status)
    return finish()
  }

  private func finish() -> Int32 {
    if json { StandardStream.output.write((report.render() + "\n")) }
    return report.exitStatus
  }
}
