import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// A saved profile's token lock, taken around every token request made for that profile.
///
/// `check` of a saved profile asks through it like `token` does: one request at a time per
/// profile, a refresh grant sent with the refresh token saved now (another process may have
/// rotated it while this one waited), and new tokens saved before the lock is let go.
struct ProfileTokenLock: Sendable {
  var store: ProfileStore
  var name: String

  /// Sends `request` while holding the lock; `save` gets the new tokens before it is released.
  func renew(
    _ request: TokenRequest, client: ServiceNowClient, save: @escaping @Sendable (TokenSet) -> Void
  ) async -> Result<TokenSet, ServiceNowFailure> {
    let store = self.store
    let name = self.name
    do {
      return try await store.withTokenLock(profile: name) {
        var request = request
        if case .refreshToken = request.grant,
          let saved = try store.storedCredentials(for: name)?.refreshToken
        {
          request.grant = .refreshToken(saved)
        }
        let result = await client.requestToken(request)
        if case .success(let issued) = result { save(issued) }
        return result
      }
    } catch {
      return .failure(TokenFailures.store(error))
    }
  }
}
