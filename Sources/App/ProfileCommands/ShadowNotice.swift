import Platform
import Profiles
import Vocabulary

/// Which of a profile's stored secrets an environment variable hides, and the sentences saying so.
///
/// `SNOWGATE_PASSWORD`, `SNOWGATE_CLIENT_SECRET` and `SNOWGATE_REFRESH_TOKEN` win over what a
/// profile keeps, so a test can pass with the variable while the saved value is wrong (or the
/// other way round). `setup` and `check` print these notes so nobody is misled.
///
/// Worked out from the profile, its credentials.json entry and the environment alone: unlike
/// `ProfileStore.secrets(for:environment:)` it never runs a secret command, so asking is free.
struct ShadowNotice: Equatable, Sendable {
  /// The shadowed kinds, in `SecretKind` order.
  var shadowed: [SecretKind]
  /// One sentence per shadowed kind (`ResolvedSecrets.shadowingNotes` wording).
  var notes: [String]

  /// The notice for `profile`, given what credentials.json holds for it and the environment.
  static func compute(profile: Profile, stored: StoredCredentials?, environment: [String: String])
    -> ShadowNotice
  {
    let needed = profile.authType.userSecretKinds
    var shadowed: [SecretKind] = []
    for kind in SecretKind.userKinds {
      guard let variable = kind.environmentVariable, let value = environment[variable], !value.isEmpty
      else { continue }
      let storedValue: Secret? =
        switch kind {
        case .password: stored?.password
        case .clientSecret: stored?.clientSecret
        case .refreshToken: stored?.refreshToken
        case .apiKey: stored?.apiKey
        case .keyPassphrase: stored?.keyPassphrase
        case .accessToken: nil
        }
      let storeHasIt: Bool =
        switch profile.secretStore {
        case .file, .keyring: storedValue != nil
        case .command: needed.contains(kind) || storedValue != nil
        case .environment, .ask: false
        }
      if storeHasIt { shadowed.append(kind) }
    }
    let notes = ResolvedSecrets(shadowed: shadowed).shadowingNotes(store: profile.secretStore)
    return ShadowNotice(shadowed: shadowed, notes: notes)
  }

  /// The notice with only the kinds `isIncluded` keeps, its notes worded for `store`.
  func filtered(store: SecretStore, _ isIncluded: (SecretKind) -> Bool) -> ShadowNotice {
    let kept = shadowed.filter(isIncluded)
    return ShadowNotice(shadowed: kept, notes: ResolvedSecrets(shadowed: kept).shadowingNotes(store: store))
  }

  /// The notice for a saved profile, reading its credentials.json entry.
  ///
  /// An unreadable credentials file counts as holding nothing: the notice is advice, and the
  /// file's own problem is reported by whoever reads it for real.
  static func load(profile: Profile, store: ProfileStore, environment: [String: String]) -> ShadowNotice {
    let stored = try? store.storedCredentials(for: profile.name)
    return compute(profile: profile, stored: stored ?? nil, environment: environment)
  }
}
