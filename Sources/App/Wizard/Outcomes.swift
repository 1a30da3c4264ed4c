import Platform
import ServiceNowClient
import Vocabulary
import WizardCore

/// Turns the client's answers into the wizard's own outcome values.
///
/// WizardCore knows nothing of the network; this is the one place that translates.
enum Outcomes {
  static func verdict(_ failure: ServiceNowFailure) -> Verdict {
    Verdict(code: failure.code, summary: failure.summary, remedies: failure.remedies.map(remedy))
  }

  /// A remedy as the wizard says it: advice written for `check` names an option of `check`
  /// (`--timeout`); in the wizard it names the one `setup` has, so typing it works.
  static func remedy(_ text: String) -> String {
    guard text.contains("--timeout"), !text.contains("setup --timeout") else { return text }
    return text.replacing(
      "a longer --timeout", with: "a longer deadline (snowgate setup --timeout SECONDS)"
    )
    .replacing("with --timeout SECONDS", with: "with snowgate setup --timeout SECONDS")
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
        Verdict(code: failure.code, summary: reason, remedies: failure.remedies.map(remedy)))
    case .unreachable(let failure):
      return .unreachable(verdict(failure))
    }
  }
}
