import Diagnosis
import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// Turns a `CheckRequest` into the connections to diagnose: the named or default profile,
/// every profile (`--all`), or the instance given on the command line.
struct CheckPlanner {
  var environment: AppEnvironment
  var request: CheckRequest
  /// The password read from stdin (`--password-stdin`), which wins over every other source.
  var stdinPassword: Secret?

  /// The connections, or a problem worth exit status 2 (said in a sentence).
  func plan() async throws(UsageError) -> [PreparedCheck] {
    if let instance = request.instance {
      return [try await commandLineCheck(instance)]
    }
    let config: Config
    do {
      config = try environment.store.load()
    } catch {
      throw UsageError(Self.describe(error), code: Self.code(of: error))
    }
    let profiles: [Profile]
    if request.all {
      profiles = config.profiles
    } else if let name = request.profile ?? config.defaultProfile {
      guard let profile = config.profile(named: name) else {
        if config.draft(named: name) != nil {
          throw UsageError(
            "\"\(name)\" is a setup that was not finished, so there is no connection to check yet.",
            hint: "Finish it with: snowgate setup \(name)", code: "profile.unfinished")
        }
        throw UsageError(Self.describe(ProfileStoreError.profileNotFound(name)), code: "profile.not_found")
      }
      profiles = [profile]
    } else if config.profiles.count == 1 {
      profiles = config.profiles
    } else if !config.profiles.isEmpty {
      let names = config.profiles.map(\.name).joined(separator: ", ")
      throw UsageError(
        "no default profile is set; name the one to check (saved: \(names)).",
        hint: "For example: snowgate check \(config.profiles[0].name), or snowgate check --all",
        code: "profile.no_default")
    } else {
      profiles = []
    }
    guard !profiles.isEmpty else {
      if let draft = config.drafts.first, !request.all {
        throw UsageError(
          "no connection is saved yet; the setup \"\(draft.name)\" was not finished.",
          hint: "Finish it with: snowgate setup \(draft.name)", code: "profile.unfinished")
      }
      throw UsageError(
        "no connection is saved yet, so there is nothing to check.",
        hint: "Set one up with `snowgate setup`, or check an instance directly with "
          + "`snowgate check --instance URL --auth basic --username USER` (password in SNOWGATE_PASSWORD).",
        code: "profile.none")
    }
    var checks: [PreparedCheck] = []
    for profile in profiles {
      checks.append(await profileCheck(profile))
    }
    return checks
  }

  // MARK: Profiles

  private func profileCheck(_ profile: Profile) async -> PreparedCheck {
    var credentials = CheckCredentials(profile: profile)
    var notes: [String] = []
    do {
      let secrets = try await environment.store.resolveSecrets(
        for: profile, environment: environment.variables)
      var values = secrets.values
      credentials.clientCertificate = profile.clientCertificate(passphrase: values.keyPassphrase)
      values.keyPassphrase = nil  // one copy: it travels inside clientCertificate
      credentials.secrets = values
      notes += secrets.shadowingNotes(store: profile.secretStore)
      if let stdinPassword {
        credentials.secrets.password = stdinPassword
        if secrets.values.password != nil, secrets.sources[.password] != nil {
          notes.append("--password-stdin is given, so its password is used instead of the saved one.")
        }
      }
      let asked = secrets.mustAsk.filter { !($0 == .password && stdinPassword != nil) }
      if let kind = asked.first {
        let variable = kind.environmentVariable ?? kind.displayName
        credentials.problem =
          "The profile asks for its \(kind.displayName) each time, and check cannot ask: set \(variable)"
          + (kind == .password ? " or pipe it in with --password-stdin." : ".")
      }
    } catch {
      credentials.problem = Self.describe(error)
    }
    if profile.signedOutAt != nil {
      credentials.refusal = TokenFailures.signedOut(profile.name)
    }
    notes += await credentials.inspectCertificate(environment: environment.variables)
    let store = environment.store
    let name = profile.name
    let keepTokens = notes.isEmpty && credentials.problem == nil && credentials.refusal == nil
    return ConnectionService(environment: environment).plan(
      profile: profile, credentials: credentials,
      tokenLock: keepTokens ? ProfileTokenLock(store: store, name: name) : nil, notes: notes
    ) { tokens in
      guard keepTokens else { return }
      _ = try? store.updateTokens(profile: name, tokens)
    }
  }

  // MARK: --instance

  private func commandLineCheck(_ instance: String) async throws(UsageError) -> PreparedCheck {
    let variables = environment.variables
    func secret(_ name: String) -> Secret? {
      variables[name].flatMap { $0.isEmpty ? nil : Secret($0) }
    }
    var credentials = CheckCredentials(
      kind: request.auth, username: request.username, clientID: request.clientID, scope: nil)
    credentials.secrets.password = stdinPassword ?? secret("SNOWGATE_PASSWORD")
    credentials.secrets.clientSecret = secret("SNOWGATE_CLIENT_SECRET")
    credentials.secrets.refreshToken = secret("SNOWGATE_REFRESH_TOKEN")
    credentials.secrets.apiKey = secret("SNOWGATE_API_KEY")
    if let certificateFile = request.certificateFile, let keyFile = request.keyFile {
      credentials.clientCertificate = ClientCertificate(
        certificateFile: certificateFile, keyFile: keyFile,
        passphrase: stdinPassword ?? secret("SNOWGATE_KEY_PASSPHRASE"))
    }
    if let missing = credentials.missingSecret {
      let stdin = missing.variable == "SNOWGATE_PASSWORD" ? ", or pipe it in with --password-stdin" : ""
      throw UsageError(
        "--auth \(request.auth.word) needs a \(missing.name): set \(missing.variable) in the environment\(stdin).",
        hint: "Secrets are never taken from the command line, where `ps` and shell history would show them.",
        code: "config.secret_missing")
    }
    // The files are checked (with openssl) before anything is sent, as for a saved profile.
    let notes = await credentials.inspectCertificate(environment: variables)
    return ConnectionService(environment: environment).plan(
      instance: instance, credentials: credentials, certificate: credentials.usableCertificate, notes: notes)
  }

  /// The stable code of a problem with the stored configuration.
  static func code(of error: any Error) -> String {
    switch error as? ProfileStoreError {
    case .unreadable: "config.unreadable"
    case .credentialsTooOpen: "config.credentials_too_open"
    case .noConfigurationFolder: "config.no_folder"
    case .profileNotFound: "profile.not_found"
    case .secretCommandFailed: "config.secret_command_failed"
    default: "config.invalid"
    }
  }

  static func describe(_ error: any Error) -> String {
    (error as? LocalizedError)?.errorDescription ?? "\(error)"
  }
}
