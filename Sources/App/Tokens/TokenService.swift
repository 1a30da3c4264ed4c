import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// Gives a valid access token for a saved profile, refreshing or re-granting when needed.
///
/// The one place that decides how a token is renewed, so `snowgate token`, `check` and the
/// wizard's test all behave alike: the stored token while it has more than `margin` to live,
/// else the refresh token, else the profile's own grant when it can run without a person.
/// Every new token is saved at once (atomically, other profiles untouched). A refused refresh
/// is never retried: at most one fallback to the password grant, then the error.
struct TokenService: Sendable {
  /// Where profiles and secrets are read and new tokens written.
  var store: ProfileStore
  /// The process environment, for the `SNOWGATE_*` secret overrides.
  var environment: [String: String]
  /// Makes the client for a profile's instance (tests give one with their own transport or log).
  var makeClient: @Sendable (Profile) -> ServiceNowClient
  /// The time now; injected so expiry can be tested without waiting.
  var now: @Sendable () -> Date
  /// A token that expires within this many seconds is renewed before use.
  var margin: TimeInterval

  init(
    store: ProfileStore, environment: [String: String],
    makeClient: @escaping @Sendable (Profile) -> ServiceNowClient,
    now: @escaping @Sendable () -> Date = { Date() }, margin: TimeInterval = 60
  ) {
    self.store = store
    self.environment = environment
    self.makeClient = makeClient
    self.now = now
    self.margin = margin
  }

  /// A service for the commands: the app environment's store, variables and logged client.
  init(environment app: AppEnvironment, now: @escaping @Sendable () -> Date = { Date() }) {
    self.init(
      store: app.store, environment: app.variables,
      makeClient: { app.client(for: $0.instanceURL, apiVersion: $0.apiVersion, profileBundle: $0.caBundle) },
      now: now)
  }

  /// The profile `name` (the default profile when nil), or the failure that says why not.
  func profile(named name: String?) -> Result<Profile, ServiceNowFailure> {
    let config: Config
    do {
      config = try store.load()
    } catch {
      return .failure(TokenFailures.store(error))
    }
    guard let chosen = name ?? config.defaultProfile else {
      return .failure(TokenFailures.noDefaultProfile())
    }
    guard let profile = config.profile(named: chosen) else {
      return .failure(TokenFailures.profileNotFound(chosen))
    }
    return .success(profile)
  }

  /// A valid access token for the profile `name` (the default profile when nil).
  func accessToken(profile name: String?) async -> Result<FreshToken, ServiceNowFailure> {
    switch profile(named: name) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let profile):
      return await accessToken(for: profile)
    }
  }

  /// What a request of `profile` sends to sign in: a valid token, or the Basic pair, or the API key.
  ///
  /// For `snowgate token NAME --header`, which prints the header line for any kind. The token
  /// comes with it for the OAuth kinds.
  func credentials(for profile: Profile) async -> Result<(Credentials, FreshToken?), ServiceNowFailure> {
    if profile.signedOutAt != nil {
      return .failure(TokenFailures.signedOut(profile.name))
    }
    switch profile.authType {
    case .certificate:
      return .failure(TokenFailures.certificateProfile(profile.name))
    case .basic, .apiKey:
      let secrets: ResolvedSecrets
      do {
        secrets = try await store.resolveSecrets(for: profile, environment: environment)
      } catch {
        return .failure(TokenFailures.store(error))
      }
      if profile.authType == .apiKey {
        guard let key = secrets.values.apiKey, !key.isEmpty else {
          return .failure(
            TokenFailures.missingSecret(profile.name, what: "API key", variable: "SNOWGATE_API_KEY"))
        }
        return .success((.apiKey(key), nil))
      }
      guard let password = secrets.values.password, !password.isEmpty else {
        return .failure(
          TokenFailures.missingSecret(profile.name, what: "password", variable: "SNOWGATE_PASSWORD"))
      }
      return .success((.basic(username: profile.username ?? "", password: password), nil))
    default:
      return await accessToken(for: profile).map { (.bearer($0.accessToken), $0) }
    }
  }

  /// A valid access token for `profile`.
  ///
  /// A stored token that is still good is returned without a lock. Otherwise the profile's
  /// token lock is taken, the stored tokens are read again (another process may have renewed
  /// them while this one waited), and only then is a renewal sent; its tokens, a rotated refresh
  /// token included, are saved before the lock is let go. So 20 scripts asking at once make one
  /// refresh, and none of them sends a refresh token the instance has already replaced.
  func accessToken(for profile: Profile) async -> Result<FreshToken, ServiceNowFailure> {
    if profile.signedOutAt != nil {
      return .failure(TokenFailures.signedOut(profile.name))
    }
    guard profile.authType.isOAuth else {
      if profile.authType == .certificate {
        return .failure(TokenFailures.certificateProfile(profile.name))
      }
      if profile.authType == .apiKey {
        return .failure(TokenFailures.apiKeyProfile(profile.name))
      }
      return .failure(TokenFailures.basicProfile(profile.name))
    }
    do {
      if let stored = try storedToken(profile) { return .success(stored) }
      return try await store.withTokenLock(profile: profile.name) {
        if let stored = try storedToken(profile) { return .success(stored) }
        let secrets = try await store.resolveSecrets(for: profile, environment: environment)
        return await renew(profile, secrets: secrets)
      }
    } catch {
      return .failure(TokenFailures.store(error))
    }
  }

  /// The saved access token when it is still usable, read without running a secret command
  /// (a keyring may prompt); nil when there is none or it is about to expire.
  private func storedToken(_ profile: Profile) throws -> FreshToken? {
    guard profile.secretStore.cachesIssuedTokens else { return nil }
    let cached = try store.storedCredentials(of: profile)
    guard let access = cached?.accessToken, isUsable(expiresAt: cached?.accessTokenExpiresAt) else {
      return nil
    }
    return FreshToken(accessToken: access, expiresAt: cached?.accessTokenExpiresAt, origin: .stored)
  }

  /// Whether a token with this expiry has more than `margin` seconds left (unknown: yes).
  func isUsable(expiresAt: Date?) -> Bool {
    guard let expiresAt else { return true }
    return expiresAt.timeIntervalSince(now()) > margin
  }

  /// Gets new tokens: the refresh token first, else the profile's grant; saves what comes back.
  func renew(_ profile: Profile, secrets: ResolvedSecrets) async -> Result<FreshToken, ServiceNowFailure> {
    guard let clientID = profile.clientID, !clientID.isEmpty else {
      return .failure(TokenFailures.incomplete(profile.name, missing: "client ID"))
    }
    let client = makeClient(profile)
    let clientSecret = secrets.values.clientSecret
    func send(_ grant: OAuthGrant) async -> Result<TokenSet, ServiceNowFailure> {
      let scope: String? =
        switch grant {
        case .refreshToken: nil
        default: profile.scope
        }
      return await client.requestToken(
        TokenRequest(clientID: clientID, clientSecret: clientSecret, grant: grant, scope: scope))
    }

    if let refresh = secrets.values.refreshToken {
      switch await send(.refreshToken(refresh)) {
      case .success(let tokens):
        return .success(save(tokens, for: profile, previousRefresh: refresh, origin: .refreshed))
      case .failure(let failure) where failure.code == FailureCode.oauthRefreshExpired.rawValue:
        // One fallback, never a loop: a password profile can still get tokens on its own.
        if profile.authType == .oauthPassword,
          case .success(let grant) = OAuthGrant.unattended(
            kind: .oauthPassword, username: profile.username, password: secrets.values.password,
            refreshToken: nil)
        {
          switch await send(grant) {
          case .success(let tokens):
            return .success(
              save(tokens, for: profile, previousRefresh: refresh, origin: .granted(grant.grantType)))
          case .failure(let second):
            return .failure(second)
          }
        }
        return .failure(
          TokenFailures.refreshExpired(profile.name, detail: failure.detail))
      case .failure(let failure):
        return .failure(failure)
      }
    }

    let grant: OAuthGrant
    switch OAuthGrant.unattended(
      kind: profile.authType, username: profile.username, password: secrets.values.password,
      refreshToken: secrets.values.refreshToken)
    {
    case .success(let unattended):
      grant = unattended
    case .failure(.notOAuth):
      return .failure(TokenFailures.basicProfile(profile.name))
    case .failure(.needsSignedAssertion):
      // No refresh token in this grant: a new assertion makes each new access token.
      switch await JWTGrant.make(for: profile, environment: environment, now: now()) {
      case .failure(let failure): return .failure(failure)
      case .success(let made): grant = made
      }
    case .failure(.needsBrowser):
      return .failure(TokenFailures.signInRequired(profile.name))
    case .failure(.missingUsername):
      return .failure(TokenFailures.incomplete(profile.name, missing: "user name"))
    case .failure(.missingPassword):
      return .failure(
        TokenFailures.missingSecret(profile.name, what: "password", variable: "SNOWGATE_PASSWORD"))
    case .failure(.missingRefreshToken):
      return .failure(
        TokenFailures.missingSecret(
          profile.name, what: "refresh token", variable: "SNOWGATE_REFRESH_TOKEN"))
    }
    switch await send(grant) {
    case .success(let tokens):
      return .success(save(tokens, for: profile, previousRefresh: nil, origin: .granted(grant.grantType)))
    case .failure(let failure):
      return .failure(failure)
    }
  }

  /// Writes new tokens back; a failure to write is a warning, since the token itself is good.
  ///
  /// A refresh token equal to the one used is passed as nil so the store keeps its expiry.
  private func save(
    _ tokens: TokenSet, for profile: Profile, previousRefresh: Secret?, origin: FreshToken.Origin
  ) -> FreshToken {
    var result = FreshToken(accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, origin: origin)
    var issued = tokens
    if issued.refreshToken == previousRefresh {
      issued.refreshToken = nil
    }
    do {
      try store.updateTokens(profile: profile.name, issued)
    } catch {
      let reason =
        (error as? LocalizedError)?.errorDescription ?? "the credentials file could not be written."
      result.warnings.append("The new token works but could not be saved: \(reason)")
    }
    return result
  }
}
