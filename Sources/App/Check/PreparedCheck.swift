import Diagnosis
import Platform
import ServiceNowClient

/// One connection ready to diagnose: the runner's target plus what the output needs besides
/// the report (its own request log, notes about shadowed secrets, the auth kind for curl).
struct PreparedCheck: Sendable {
  var target: DiagnosisTarget
  /// This connection's redacted exchange, for `--verbose` and the bundle.
  var log: RequestLog
  /// Sentences a person should read first, e.g. an environment variable hiding a saved secret.
  var notes: [String]
}
