import Foundation
import Profiles
import ServiceNowClient

/// Revokes a profile's saved tokens at the instance and forgets them here.
///
/// Forgetting never depends on the instance: a laptop leaving the network must still be able to
/// drop its tokens. When revocation fails the outcome says so, because those tokens keep working
/// on the instance until they expire.
struct LogoutService: Sendable {
  var tokens: TokenService

  /// Revokes (best effort) and forgets the tokens of the profile `name`.
  func logout(profile name: String) async -> Result<LogoutOutcome, ServiceNowFailure> {
    let profile: Profile
    switch tokens.profile(named: name) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let found):
      profile = found
    }
    guard profile.authType.isOAuth else {
      return .success(
        LogoutOutcome(
          tokenCount: 0, revokedCount: 0, forgotten: false,
          warnings: [
            "The profile \"\(name)\" uses Basic authentication, so it has no tokens to revoke; nothing was changed."
          ]))
    }
    let stored: StoredCredentials?
    do {
      stored = try tokens.store.storedCredentials(for: profile.name)
    } catch {
      return .failure(TokenFailures.store(error))
    }
    let saved = [stored?.accessToken, stored?.refreshToken].compactMap { $0 }
    var outcome = LogoutOutcome(tokenCount: saved.count, revokedCount: 0, forgotten: false, warnings: [])
    if !saved.isEmpty {
      let client = tokens.makeClient(profile)
      var failures: [ServiceNowFailure] = []
      revoking: for token in saved {
        switch await client.revoke(token) {
        case .success:
          outcome.revokedCount += 1
        case .failure(let failure):
          failures.append(failure)
          // One unreachable instance is enough to know: do not wait for a second timeout.
          if failure.knownCode != .oauthBadResponse { break revoking }
        }
      }
      if let failure = failures.first {
        let notRevoked = saved.count - outcome.revokedCount
        outcome.warnings.append(
          "The instance did not revoke \(notRevoked == 1 ? "a token" : "\(notRevoked) tokens"): "
            + failure.summary + (failure.detail.map { " (\($0))" } ?? "")
            + " They were forgotten here but keep working on the instance until they expire; an "
            + "admin can revoke them under System OAuth > Manage Tokens.")
      }
    }
    do {
      try tokens.store.forgetTokens(profile: profile.name)
      outcome.forgotten = true
    } catch {
      return .failure(TokenFailures.store(error))
    }
    return .success(outcome)
  }
}
