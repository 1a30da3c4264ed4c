import ServiceNowClient
import Vocabulary

/// What the connection test of a scripted setup found: a failure or none, and any tokens issued.
///
/// Tokens are kept even when a later step failed, so `--save-anyway` saves what was obtained.
struct SetupTestResult {
  var failure: ServiceNowFailure?
  var tokens: TokenSet?
}
