import Platform
import Vocabulary

/// The newest tokens an instance issued during a test run, kept across the probe's tasks.
///
/// The probe hands tokens over from whichever task obtained them; a setup reads them once the
/// test has ended, to save them with the profile.
final class IssuedTokens: @unchecked Sendable {
  private let lock = Lock()
  private var tokens: TokenSet?

  /// Keeps `tokens`, replacing older ones.
  func keep(_ tokens: TokenSet) {
    lock.withLock { self.tokens = tokens }
  }

  /// The newest tokens kept, if any.
  var latest: TokenSet? { lock.withLock { tokens } }
}
