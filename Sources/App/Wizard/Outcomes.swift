import ServiceNowClient
import Vocabulary
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
}
