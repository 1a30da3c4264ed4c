import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// Signs a profile out: revokes its tokens at the instance and forgets what could mint new ones.
///
/// Forgetting never depends on the instance: a laptop leaving the network must still be able to
/// drop its tokens. When revocation fails the outcome says so, because those tokens keep working
/// on the instance until they expire. Unless `keepSecrets`, the password, client secret, refresh
/// token and API key go too and the profile is marked signed out, so `snowgate token NAME`
/// refuses until `snowgate setup NAME` signs in again; the profile itself stays.
struct LogoutService: Sendable {
  var tokens: TokenService

  /// Revokes (best effort) and forgets the tokens, and the secrets unless `keepSecrets`.
  func logout(profile name: String, keepSecrets: Bool = false) async -> Result<
    LogoutOutcome, ServiceNowFailure
  > {
    let profile: Profile
    switch tokens.profile(named: name) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let found):
      profile = found
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
      try tokens.store.signOut(profile: profile.name, keepSecrets: keepSecrets)
      outcome.forgotten = true
      outcome.signedOut = !keepSecrets
    } catch {
      return .failure(TokenFailures.store(error))
    }
    if !keepSecrets, case .command(let argv) = profile.secretStore {
      outcome.warnings.append(
        "The profile's secrets come from the command \(argv.joined(separator: " ")), which snowgate "
          + "cannot empty; remove them there if they should go too.")
    }
    if profile.authType == .certificate {
      outcome.warnings.append(
        "A client certificate has nothing to revoke: snowgate forgot the key's passphrase (if one was "
          + "saved), but the certificate and key files stay and keep signing in until you delete them "
          + "or an admin deactivates the User to Certificate Mapping on the instance.")
    }
    if profile.authType == .apiKey, !keepSecrets {
      outcome.warnings.append(
        "An API key cannot be revoked from here: it keeps working on the instance until an admin "
          + "deactivates its REST API Key record.")
    }
    return .success(outcome)
  }
}
