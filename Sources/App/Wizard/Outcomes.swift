import ServiceNowClient
import WizardCore

/// Turns the client's answers into the wizard's own outcome values.
///
/// WizardCore knows nothing of the network; this is the one place that translates.
enum Outcomes {
  static func verdict(_ failure: ServiceNowFailure) -> Verdict {
    Verdict(code: failure.code, summary: failure.summary, remedies: failure.remedies)
  }

  static func probe(_ result: ProbeResult) -> ProbeOutcome {
    switch result {
    case .servicenow:
      return .reachable
    case .hibernating:
      return .hibernating
    case .notServiceNow(let reason):
      let failure = ServiceNowFailure(.instanceNotServiceNow, detail: reason)
      return .notServiceNow(
        Verdict(code: failure.code, summary: reason, remedies: failure.remedies))
    case .unreachable(let failure):
      return .unreachable(verdict(failure))
    }
  }

  static func test(_ result: Result<TableAccessReport, ServiceNowFailure>, username: String?) -> TestOutcome {
    switch result {
    case .failure(let failure):
      return .failed(verdict(failure))
    case .success(let report):
      var details: [String] = []
      if let username, !username.isEmpty { details.append("Signed in as \(username).") }
      let users = report.users.totalCount.map { "\($0) users visible" } ?? "users readable"
      details.append("Table API: read sys_user (\(users)).")
      var warnings: [String] = []
      if report.metadata != nil {
        details.append("Table API: read sys_db_object (table definitions).")
      }
      if let warning = report.metadataWarning {
        warnings.append(warning.summary)
        warnings.append(contentsOf: warning.remedies)
      }
      return .passed(TestReport(details: details, warnings: warnings))
    }
  }
}
