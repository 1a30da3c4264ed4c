import Platform
import Vocabulary

/// Saved profiles and their secrets, kept so that nothing is lost.
///
/// Two files live in one folder: `config.json` (everything but secrets) and `credentials.json`
/// (mode 0600, folder 0700). Every change is a read-modify-write under an exclusive lock on
/// `.lock`, so concurrent snowgate processes each keep what they saved, and every file is
/// replaced atomically, so a crash leaves the old or the new file. A file that cannot be
/// understood is never overwritten: operations throw `ProfileStoreError.unreadable` until the
/// caller chooses `moveAside(_:)`.
///
/// The store keeps no state in memory; each call reads the files again, so a value is safe to
/// share between tasks and processes.
public struct ProfileStore: Sendable {
  /// The folder holding the files.
  public let directory: URL
  /// How long an external secret command may run before it is stopped.
  public var secretCommandTimeout: TimeInterval
  /// The OS keyring that `.keyring` profiles keep their secrets and tokens in.
  public var keyring: KeyringStore
  private let now: @Sendable () -> Date

  static let configName = "config.json"
  static let credentialsName = "credentials.json"
  static let lockName = ".lock"

  /// A store in `directory`; `now` stamps saves and names moved-aside files.
  public init(
    directory: URL, secretCommandTimeout: TimeInterval = 30, keyring: KeyringStore = KeyringStore(),
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.directory = directory
    self.secretCommandTimeout = secretCommandTimeout
    self.keyring = keyring
    self.now = now
  }

  /// A store in the folder the environment chooses (see `directory(environment:)`).
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    secretCommandTimeout: TimeInterval = 30, now: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    self.init(
      directory: try Self.directory(environment: environment), secretCommandTimeout: secretCommandTimeout,
      keyring: KeyringStore(environment: environment), now: now)
  }

  /// `$SNOWGATE_CONFIG_DIR`, else `$XDG_CONFIG_HOME/snowgate` (when absolute, as the XDG spec
  /// requires), else `$HOME/.config/snowgate`.
  public static func directory(environment: [String: String]) throws -> URL {
    if let folder = environment["SNOWGATE_CONFIG_DIR"], !folder.isEmpty {
      return URL(fileURLWithPath: folder, isDirectory: true)
    }
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent(
        "snowgate", isDirectory: true)
    }
    guard let home = environment["HOME"], !home.isEmpty else { throw ProfileStoreError.noConfigurationFolder }
    return URL(fileURLWithPath: home, isDirectory: true)
      .appendingPathComponent(".config", isDirectory: true)
      .appendingPathComponent("snowgate", isDirectory: true)
  }

  /// config.json.
  public var configURL: URL { directory.appendingPathComponent(Self.configName) }
  /// credentials.json.
  public var credentialsURL: URL { directory.appendingPathComponent(Self.credentialsName) }
  private var lockPath: String { directory.appendingPathComponent(Self.lockName).path }

  // MARK: Reading

  /// The saved configuration; an empty one when nothing was saved yet.
  ///
  /// Throws `unreadable` when config.json exists but cannot be understood.
  public func load() throws -> Config {
    try readConfig() ?? Config()
  }

  /// The secrets of `name` as credentials.json holds them (nil when it holds none).
  ///
  /// For listings such as `snowgate profiles` (token expiry); use `secrets(for:environment:)`
  /// to get the secrets a connection should use.
  ///
  /// For a `.keyring` profile the keyring is asked instead (a blocking call: off the pool).
  public func storedCredentials(for name: String) throws -> StoredCredentials? {
    try storedCredentials(for: name, inKeyring: readConfig()?.profile(named: name)?.secretStore == .keyring)
  }

  /// The secrets of a profile already read, without reading config.json again (`token` with a
  /// cached token reads each file once).
  public func storedCredentials(of profile: Profile) throws -> StoredCredentials? {
    try storedCredentials(for: profile.name, inKeyring: profile.secretStore == .keyring)
  }

  private func storedCredentials(for name: String, inKeyring: Bool) throws -> StoredCredentials? {
    if inKeyring {
      let stored = try keyringRead(name)
      return stored.isEmpty ? nil : stored
    }
    return try readCredentials()?.profiles[name]
  }

  /// What keeps the store from being written, one error per file (empty when all is well).
  ///
  /// The save screen and `check` call this first: an `.unreadable` file can be offered to
  /// `moveAside(_:)` (with the user's consent), a `.credentialsTooOpen` one needs `chmod 600`.
  public func fileProblems() -> [ProfileStoreError] {
    var problems: [ProfileStoreError] = []
    for read in [{ _ = try readConfig() }, { _ = try readCredentials() }] {
      do {
        try read()
      } catch let error as ProfileStoreError {
        problems.append(error)
      } catch {
        problems.append(.fileSystem(path: directory.path, action: "read", reason: "\(error)"))
      }
    }
    return problems
  }

  /// The profiles for a listing, with token expiry but never a secret.
  ///
  /// Throws only when config.json is unreadable; a credentials problem is reported in the result.
  public func listing() throws -> ProfileListing {
    let config = try load()
    var credentials: CredentialsFile?
    var problem: String?
    do {
      credentials = try readCredentials()
    } catch {
      problem = ErrorText.describe(error)
    }
    let profiles = config.profiles.map { profile in
      let stored = credentials?.profiles[profile.name]
      return ProfileSummary(
        name: profile.name, instanceURL: profile.instanceURL, authType: profile.authType,
        isDefault: profile.name == config.defaultProfile, secretStore: profile.secretStore.summary,
        accessTokenExpiresAt: stored?.accessToken == nil ? nil : stored?.accessTokenExpiresAt,
        refreshTokenExpiresAt: stored?.refreshToken == nil ? nil : stored?.refreshTokenExpiresAt,
        hasRefreshToken: stored?.refreshToken != nil)
    }
    return ProfileListing(profiles: profiles, drafts: config.drafts.map(\.name), credentialsProblem: problem)
  }

  /// `secrets(for:environment:)` on a thread of its own.
  ///
  /// A secret command may run for up to `secretCommandTimeout` (a passphrase prompt), which must
  /// not hold one of the few cooperative threads the screen needs, nor the one thread of a
  /// command's `CommandLoop`.
  public func resolveSecrets(for profile: Profile, environment: [String: String]) async throws
    -> ResolvedSecrets
  {
    try await withCheckedThrowingContinuation { continuation in
      DetachedThread.start(stackSize: 512 * 1024) {
        continuation.resume(with: Result { try self.secrets(for: profile, environment: environment) })
      }
    }
  }

  /// The secrets `profile` should use now: the environment first, then its store.
  ///
  /// - file: credentials.json.
  /// - command: the profile's command, run once per secret the auth type needs (not for those
  ///   the environment supplies); issued tokens come from credentials.json.
  /// - environment: only `SNOWGATE_PASSWORD`, `SNOWGATE_CLIENT_SECRET`, `SNOWGATE_REFRESH_TOKEN`.
  /// - ask: nothing; the needed kinds are reported as `.mustAsk`.
  ///
  /// `shadowed` lists the stored secrets an environment variable hides.
  public func secrets(for profile: Profile, environment: [String: String]) throws -> ResolvedSecrets {
    let store = profile.secretStore
    let stored: StoredCredentials? =
      switch store {
      case .keyring: try keyringRead(profile.name)
      case .file, .command: try readCredentials()?.profiles[profile.name]
      case .environment, .ask: nil
      }
    let storedSource: SecretSource = store == .keyring ? .keyring : .credentialsFile
    var result = ResolvedSecrets()
    if let token = stored?.accessToken {
      result.values.accessToken = token
      result.values.accessTokenExpiresAt = stored?.accessTokenExpiresAt
      result.sources[.accessToken] = storedSource
    }
    let needed = profile.authType.userSecretKinds
    for kind in SecretKind.userKinds {
      let isNeeded = needed.contains(kind)
      let storedValue = stored?[kind]
      let storeHasIt: Bool =
        switch store {
        case .file, .keyring: storedValue != nil
        case .command: isNeeded || storedValue != nil
        case .environment, .ask: false
        }
      if let variable = kind.environmentVariable, let value = environment[variable], !value.isEmpty {
        result.set(kind, Secret(value), from: .environment(variable: variable))
        if storeHasIt { result.shadowed.append(kind) }
        continue
      }
      switch store {
      case .file:
        if let storedValue { result.set(kind, storedValue, from: .credentialsFile) }
      case .keyring:
        if let storedValue {
          result.set(kind, storedValue, from: .keyring)
        } else if isNeeded, !kind.isOptional, case .unavailable(let problem) = keyring.availability() {
          // A locked keyring answers a lookup as if it held nothing: say why instead.
          throw ProfileStoreError.keyringFailed(problem)
        }
      case .command(let argv):
        if let storedValue {
          result.set(kind, storedValue, from: .credentialsFile)
        } else if isNeeded {
          let command = SecretCommand(argv: argv, timeout: secretCommandTimeout)
          if let value = try command.run(
            profile: profile.name, kind: kind, environment: environment, emptyIsNone: kind.isOptional)
          {
            result.set(kind, value, from: .command)
          }
        }
      case .environment:
        break
      case .ask:
        if isNeeded { result.sources[kind] = .mustAsk }
      }
      if kind == .refreshToken, result.sources[kind] == .credentialsFile || result.sources[kind] == .keyring {
        result.values.refreshTokenExpiresAt = stored?.refreshTokenExpiresAt
      }
    }
    return result
  }

  // MARK: Changing

  /// Saves `profile` (new or replacing one of the same name) with the secrets its store keeps.
  ///
  /// The store sets `createdAt` (kept from an existing profile) and `updatedAt`. Secrets go to
  /// credentials.json only as `profile.secretStore` allows: all of them for `.file`, the issued
  /// tokens for `.command`, none otherwise (and any old ones are removed). A half-finished setup
  /// of the same name is dropped, and the first profile saved becomes the default.
  /// - Returns: the profile as saved.
  @discardableResult
  public func save(profile: Profile, secrets: StoredCredentials) throws -> Profile {
    try ProfileName.validate(profile.name)
    try Self.check(profile)
    let stamp = timestamp()
    return try modify { config, credentials in
      let previousStore = config.profile(named: profile.name)?.secretStore
      var saved = profile
      saved.updatedAt = stamp
      if let index = config.profiles.firstIndex(where: { $0.name == profile.name }) {
        saved.createdAt = config.profiles[index].createdAt
        config.profiles[index] = saved
      } else {
        saved.createdAt = stamp
        config.profiles.append(saved)
        config.profiles.sort { $0.name < $1.name }
      }
      config.drafts.removeAll { $0.name == profile.name }
      if config.defaultProfile.flatMap(config.profile(named:)) == nil {
        config.defaultProfile = profile.name
      }
      // Moving between stores moves the secrets: the new place gets them, the old copies go.
      if profile.secretStore == .keyring {
        try keyringWrite(profile.name, secrets)
      } else if previousStore == .keyring {
        try keyringClear(profile.name)
      }
      let kept: StoredCredentials =
        switch profile.secretStore {
        case .file: secrets
        case .command: secrets.issuedTokensOnly
        case .environment, .ask, .keyring: StoredCredentials()
        }
      credentials.profiles[profile.name] = kept.isEmpty ? nil : kept
      return saved
    }
  }

  /// Removes a profile and its stored secrets; removing the default leaves no default.
  public func remove(name: String) throws {
    try modify { config, credentials in
      guard let profile = config.profile(named: name) else { throw ProfileStoreError.profileNotFound(name) }
      if profile.secretStore == .keyring { try keyringClear(name) }
      config.profiles.removeAll { $0.name == name }
      if config.defaultProfile == name { config.defaultProfile = nil }
      credentials.profiles[name] = nil
    }
  }

  /// Renames a profile, its secrets and the default marker; refuses a name already in use.
  public func rename(from oldName: String, to newName: String) throws {
    try ProfileName.validate(newName)
    let stamp = timestamp()
    try modify { config, credentials in
      guard let index = config.profiles.firstIndex(where: { $0.name == oldName }) else {
        throw ProfileStoreError.profileNotFound(oldName)
      }
      if oldName == newName { return }
      guard config.profile(named: newName) == nil else { throw ProfileStoreError.nameTaken(newName) }
      if config.profiles[index].secretStore == .keyring {
        try keyringWrite(newName, try keyringRead(oldName))
        try keyringClear(oldName)
      }
      config.profiles[index].name = newName
      config.profiles[index].updatedAt = stamp
      config.profiles.sort { $0.name < $1.name }
      if config.defaultProfile == oldName { config.defaultProfile = newName }
      credentials.profiles[newName] = credentials.profiles[oldName]
      credentials.profiles[oldName] = nil
    }
  }

  /// Makes `name` the default profile, or clears the default when `name` is nil.
  public func setDefault(name: String?) throws {
    try modify { config, _ in
      if let name, config.profile(named: name) == nil { throw ProfileStoreError.profileNotFound(name) }
      config.defaultProfile = name
    }
  }

  /// Keeps a half-finished setup (replacing one of the same name) so it can be resumed.
  /// - Returns: the draft as saved, with `updatedAt` set.
  @discardableResult
  public func saveDraft(_ draft: SetupDraft) throws -> SetupDraft {
    try ProfileName.validate(draft.name)
    var saved = draft
    saved.updatedAt = timestamp()
    try modify { config, _ in
      config.drafts.removeAll { $0.name == draft.name }
      config.drafts.append(saved)
      config.drafts.sort { $0.name < $1.name }
    }
    return saved
  }

  /// Forgets a half-finished setup.
  public func removeDraft(name: String) throws {
    try modify { config, _ in
      guard config.draft(named: name) != nil else { throw ProfileStoreError.draftNotFound(name) }
      config.drafts.removeAll { $0.name == name }
    }
  }

  /// Writes tokens the instance just issued for one profile, leaving every other profile as it is.
  ///
  /// Reads both files afresh under the lock, so a profile another process saved a moment ago is
  /// kept. A refresh token of nil keeps the stored one (not every refresh answer has one).
  /// Expiry dates are stored to the second, rounded down.
  /// - Returns: false when the profile's store keeps no tokens (`.environment`, `.ask`), so
  ///   nothing was written.
  @discardableResult
  public func updateTokens(profile name: String, _ tokens: TokenSet) throws -> Bool {
    try modify { config, credentials in
      guard let profile = config.profile(named: name) else { throw ProfileStoreError.profileNotFound(name) }
      guard profile.secretStore.cachesIssuedTokens else { return false }
      if profile.secretStore == .keyring {
        try keyringWriteTokens(name, tokens)
        return true
      }
      var entry = credentials.profiles[name] ?? StoredCredentials()
      entry.accessToken = tokens.accessToken
      entry.accessTokenExpiresAt = tokens.expiresAt.map(Self.wholeSeconds)
      if let refresh = tokens.refreshToken {
        // The same refresh token handed back (not rotated) keeps the expiry already known;
        // a new one has the expiry the answer gives, or none known.
        let sameToken = entry.refreshToken?.reveal() == refresh.reveal()
        entry.refreshToken = refresh
        if let expiry = tokens.refreshTokenExpiresAt {
          entry.refreshTokenExpiresAt = Self.wholeSeconds(expiry)
        } else if !sameToken {
          entry.refreshTokenExpiresAt = nil
        }
      }
      credentials.profiles[name] = entry
      return true
    }
  }

  /// Runs `body` holding the token lock of the profile `name`: one renewal at a time per profile.
  ///
  /// Separate from the store's own `.lock` (which every save takes for a moment, and which
  /// `body` needs to save the new tokens), so a slow token request of one profile never holds
  /// up the saves of another. Waiting happens off the cooperative pool. Callers re-read the
  /// stored tokens inside `body`: another process may have renewed them while this one waited.
  public func withTokenLock<T>(profile name: String, _ body: () async throws -> T) async throws -> T {
    guard ProfileName.check(name) == nil else { throw ProfileStoreError.profileNotFound(name) }
    try ensureDirectory()
    let path = directory.appendingPathComponent(".token-\(name).lock").path
    return try await FileLock.withLock(path, body)
  }

  /// Forgets the access and refresh tokens of one profile (logout, Reset).
  ///
  /// For a profile set up with a pasted refresh token in the credentials file, that token goes too.
  public func forgetTokens(profile name: String) throws {
    try modify { config, credentials in
      guard let profile = config.profile(named: name) else { throw ProfileStoreError.profileNotFound(name) }
      if profile.secretStore == .keyring {
        try keyringClear(name, kinds: [.accessToken, .refreshToken])
        return
      }
      guard var entry = credentials.profiles[name] else { return }
      entry.accessToken = nil
      entry.accessTokenExpiresAt = nil
      entry.refreshToken = nil
      entry.refreshTokenExpiresAt = nil
      credentials.profiles[name] = entry.isEmpty ? nil : entry
    }
  }

  /// Signs a profile out: forgets its tokens and, unless `keepSecrets`, every secret that could
  /// mint a new one (password, client secret, refresh token, API key), and marks it signed out.
  ///
  /// The profile itself stays, so `snowgate setup NAME` can sign in again with what it knows.
  /// With `keepSecrets` only the tokens go and the profile is not marked: it can still get new
  /// tokens on its own, so calling it signed out would be wrong.
  /// - Returns: the profile as it is now.
  @discardableResult
  public func signOut(profile name: String, keepSecrets: Bool) throws -> Profile {
    let stamp = timestamp()
    return try modify { config, credentials in
      guard let index = config.profiles.firstIndex(where: { $0.name == name }) else {
        throw ProfileStoreError.profileNotFound(name)
      }
      if config.profiles[index].secretStore == .keyring {
        try keyringClear(name, kinds: keepSecrets ? [.accessToken, .refreshToken] : SecretKind.allCases)
      }
      if keepSecrets {
        if var entry = credentials.profiles[name] {
          entry.accessToken = nil
          entry.accessTokenExpiresAt = nil
          entry.refreshToken = nil
          entry.refreshTokenExpiresAt = nil
          credentials.profiles[name] = entry.isEmpty ? nil : entry
        }
      } else {
        credentials.profiles[name] = nil
        config.profiles[index].signedOutAt = stamp
      }
      return config.profiles[index]
    }
  }

  /// Renames an unreadable file to `NAME.broken-YYYYMMDDTHHMMSSZ` so saving can start afresh.
  ///
  /// Only call this when the user agreed; nothing in the store does it on its own.
  /// - Returns: where the file is now.
  @discardableResult
  public func moveAside(_ file: URL) throws -> URL {
    // YYYYMMDDTHHMMSSZ in UTC: ISO 8601's basic format.
    let stamp = Date.ISO8601FormatStyle(
      dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted, timeZone: .gmt)
    let base = file.path + ".broken-" + now().formatted(stamp)
    try ensureDirectory()
    return try FileLock.withLock(lockPath) {
      var target = base
      var counter = 2
      while FileManager.default.fileExists(atPath: target) {
        target = base + "-\(counter)"
        counter += 1
      }
      try AtomicFile.move(file.path, to: target)
      return URL(fileURLWithPath: target)
    }
  }

  // MARK: Keyring

  /// Every secret of `name` in the keyring. Tokens are kept with their expiry, as a small JSON
  /// object in the one item (the expiry is no secret, but credentials.json holds nothing of a
  /// keyring profile).
  private func keyringRead(_ name: String) throws -> StoredCredentials {
    do {
      var stored = StoredCredentials()
      stored.password = try keyring.lookup(profile: name, kind: .password)
      stored.clientSecret = try keyring.lookup(profile: name, kind: .clientSecret)
      stored.apiKey = try keyring.lookup(profile: name, kind: .apiKey)
      stored.keyPassphrase = try keyring.lookup(profile: name, kind: .keyPassphrase)
      if let access = try keyring.lookup(profile: name, kind: .accessToken).flatMap(Self.decodeToken) {
        stored.accessToken = access.token
        stored.accessTokenExpiresAt = access.expiresAt
      }
      if let refresh = try keyring.lookup(profile: name, kind: .refreshToken).flatMap(Self.decodeToken) {
        stored.refreshToken = refresh.token
        stored.refreshTokenExpiresAt = refresh.expiresAt
      }
      return stored
    } catch {
      throw ProfileStoreError.keyringFailed(error)
    }
  }

  /// Replaces the keyring items of `name` with `secrets` (a kind without a value is cleared).
  private func keyringWrite(_ name: String, _ secrets: StoredCredentials) throws {
    do {
      let plain: [(SecretKind, Secret?)] = [
        (.password, secrets.password), (.clientSecret, secrets.clientSecret), (.apiKey, secrets.apiKey),
        (.keyPassphrase, secrets.keyPassphrase),
        (.accessToken, secrets.accessToken.map { Self.encodeToken($0, secrets.accessTokenExpiresAt) }),
        (.refreshToken, secrets.refreshToken.map { Self.encodeToken($0, secrets.refreshTokenExpiresAt) }),
      ]
      for (kind, value) in plain {
        if let value, !value.isEmpty {
          try keyring.store(value, profile: name, kind: kind)
        } else {
          try keyring.clear(profile: name, kind: kind)
        }
      }
    } catch {
      throw ProfileStoreError.keyringFailed(error)
    }
  }

  /// Writes newly issued tokens; a refresh token of nil keeps the stored one.
  private func keyringWriteTokens(_ name: String, _ tokens: TokenSet) throws {
    do {
      try keyring.store(
        Self.encodeToken(tokens.accessToken, tokens.expiresAt.map(Self.wholeSeconds)), profile: name,
        kind: .accessToken)
      if let refresh = tokens.refreshToken {
        try keyring.store(
          Self.encodeToken(refresh, tokens.refreshTokenExpiresAt.map(Self.wholeSeconds)), profile: name,
          kind: .refreshToken)
      }
    } catch {
      throw ProfileStoreError.keyringFailed(error)
    }
  }

  /// Removes the keyring items of `name` (every kind unless told which).
  private func keyringClear(_ name: String, kinds: [SecretKind] = SecretKind.allCases) throws {
    do {
      for kind in kinds { try keyring.clear(profile: name, kind: kind) }
    } catch {
      throw ProfileStoreError.keyringFailed(error)
    }
  }

  private static func encodeToken(_ token: Secret, _ expiresAt: Date?) -> Secret {
    var members: [(String, JSONValue)] = [("token", .string(token.reveal()))]
    if let expiresAt { members.append(("expires_at", .number(Int(expiresAt.timeIntervalSince1970)))) }
    // The text JSONSerialization wrote with .sortedKeys: compact, `/` escaped.
    return Secret(JSONValue.object(members).serialized(sortedKeys: true))
  }

  /// A token item's value; a bare token (written by hand with secret-tool) is taken as it is.
  private static func decodeToken(_ item: Secret) -> (token: Secret, expiresAt: Date?)? {
    let text = item.reveal()
    guard text.hasPrefix("{"), text.utf8.count <= 64 * 1024, let object = BoundedJSON.object(Array(text.utf8))
    else {
      return text.isEmpty ? nil : (item, nil)
    }
    guard let token = object["token"]?.string, !token.isEmpty else { return nil }
    let expiry = object["expires_at"]?.double.map { Date(timeIntervalSince1970: $0) }
    return (Secret(token), expiry)
  }

  // MARK: Internals

  /// One locked read-modify-write of both files.
  ///
  /// Secrets are written in up to three steps so that, whenever config.json names a profile,
  /// credentials.json holds its secrets: first credentials with every new entry added and
  /// nothing removed, then config.json, then credentials without the entries no profile uses.
  /// Entries orphaned by an earlier crash are dropped on the way.
  private func modify<T>(_ change: (inout Config, inout CredentialsFile) throws -> T) throws -> T {
    try ensureDirectory()
    return try FileLock.withLock(lockPath) {
      AtomicFile.removeLeftovers(in: directory.path, for: [Self.configName, Self.credentialsName])
      let oldConfig = try readConfig() ?? Config()
      let oldCredentials = try readCredentials() ?? CredentialsFile()
      var config = oldConfig
      var credentials = oldCredentials
      let result = try change(&config, &credentials)

      let names = Set(config.profiles.map(\.name))
      credentials.profiles = credentials.profiles.filter { names.contains($0.key) && !$0.value.isEmpty }
      var bridge = oldCredentials
      for (name, entry) in credentials.profiles { bridge.profiles[name] = entry }

      if bridge != oldCredentials { try writeCredentials(bridge) }
      if config != oldConfig {
        try AtomicFile.write(
          StoreCoding.encode(config, path: configURL.path), to: configURL.path, mode: 0o600)
      }
      if credentials != bridge { try writeCredentials(credentials) }
      return result
    }
  }

  private func writeCredentials(_ credentials: CredentialsFile) throws {
    try AtomicFile.write(
      StoreCoding.encode(credentials, path: credentialsURL.path), to: credentialsURL.path, mode: 0o600)
  }

  private func readConfig() throws -> Config? {
    try FileTrust.checkFolder(directory.path)
    let path = configURL.path
    guard let contents = try AtomicFile.read(path) else { return nil }
    let config = try StoreCoding.decode(Config.self, from: contents.data, path: path)
    var seen = Set<String>()
    for profile in config.profiles where !seen.insert(profile.name).inserted {
      throw ProfileStoreError.unreadable(
        path: path, problem: "two profiles are named \"\(profile.name)\".")
    }
    return config
  }

  private func readCredentials() throws -> CredentialsFile? {
    try FileTrust.checkFolder(directory.path)
    let path = credentialsURL.path
    guard let contents = try AtomicFile.read(path) else { return nil }
    if contents.mode & 0o077 != 0 {
      throw ProfileStoreError.credentialsTooOpen(path: path, mode: UInt16(contents.mode))
    }
    return try StoreCoding.decode(CredentialsFile.self, from: contents.data, path: path)
  }

  /// Creates the folder (mode 0700) when it is missing; an existing one must be trusted
  /// (`FileTrust`) and is tightened to 0700, as the files written into it are private.
  private func ensureDirectory() throws {
    let path = directory.path
    if let kind = FileKind.at(path) {
      if kind == .folder {
        // Refused before tightening: a folder others could write may already hold their files.
        if let info = try FileTrust.checkFolder(path), info.st_mode & 0o077 != 0 {
          chmod(path, 0o700)
        }
        return
      }
      throw ProfileStoreError.fileSystem(
        path: path, action: "use the folder", reason: "a file of that name is in the way")
    }
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw ProfileStoreError.fileSystem(
        path: path, action: "create the folder", reason: ErrorText.describe(error))
    }
    chmod(path, 0o700)
  }

  private static func check(_ profile: Profile) throws {
    guard let scheme = profile.instanceURL.scheme?.lowercased(), scheme == "https" || scheme == "http",
      profile.instanceURL.host != nil
    else {
      throw ProfileStoreError.invalidProfile(
        name: profile.name,
        reason:
          "its instance URL must start with https:// and name a host, like https://dev12345.service-now.com.")
    }
    if case .command(let argv) = profile.secretStore, argv.first?.isEmpty ?? true {
      throw ProfileStoreError.invalidProfile(
        name: profile.name, reason: "its secret command is empty; give the program and its arguments.")
    }
  }

  private func timestamp() -> Date { Self.wholeSeconds(now()) }

  private static func wholeSeconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
  }
}
