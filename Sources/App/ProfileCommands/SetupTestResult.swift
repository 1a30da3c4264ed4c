import Diagnosis
import Vocabulary

/// What the connection test of a scripted setup found: check's report, and any tokens issued.
///
/// Tokens are kept even when a later layer failed, so `--save-anyway` saves what was obtained.
struct SetupTestResult {
  var report: Report
  var tokens: TokenSet?
}
