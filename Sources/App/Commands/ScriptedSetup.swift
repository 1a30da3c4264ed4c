import Diagnosis
import Dispatch
import Platform
import Profiles
import ServiceNowClient
import Vocabulary
import WizardCore

/// `snowgate setup NAME --no-input …`: sets up a profile for scripts, without a terminal.
///
/// It does what the wizard does, in order: check the instance address, gather the secrets
/// (environment, `--password-stdin` or the profile's secret command; never argv), test the
/// connection as `snowgate check` will test the saved profile (every layer, through
/// `ConnectionService`, so both say the same) and save only when the test passed, unless
/// `--save-anyway`. Every line it prints is free of secrets.
enum ScriptedSetup {
  /// The help text, from the command table (setup's, which covers --no-input).
  static var help: String { CommandStart.help("setup") }

  /// Runs the scripted setup; `arguments` are those after `setup`.
  static func run(_ arguments: [String]) async -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return 0
    }
    var options: ScriptedSetupOptions
    do {
      options = try ScriptedSetupOptions.parse(arguments)
    } catch {
      return CommandLineTool.fail(error)
    }
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return StoreFailure.report(error)
    }
    if let seconds = options.timeout {
      environment.deadline = .milliseconds(Int64((seconds * 1000).rounded()))
    }
    defer { environment.writeLogIfAsked() }
    let store = environment.store

    // Refuse before testing when the result could not be saved anyway.
    if let problem = store.fileProblems().first {
      return StoreFailure.report(problem)
    }
    if options.secretStore == .keyring || !options.storeChosen {
      let keyring = store.keyring
      let availability = await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: keyring.availability()) }
      }
      switch (availability, options.storeChosen) {
      case (.available, _):
        options.secretStore = .keyring
      case (.unavailable(let problem), true):
        return StoreFailure.report(ProfileStoreError.keyringFailed(problem))
      case (.unavailable(let problem), false):
        // The file is a fallback a person must agree to (the wizard asks); a script says so
        // with --store file, as gh's --insecure-storage does. Nothing was tested or saved.
        CommandLineTool.printError(
          "snowgate setup: no OS keyring answers here, so nothing was saved: \(problem.description) "
            + "To keep the secrets in the credentials file (mode 0600) instead, pass --store file.")
        return StoreFailure.exitCode(for: ProfileStoreError.keyringFailed(problem))
      }
    }

    let secrets: StoredCredentials
    do {
      secrets = try await StoredCredentials.gather(options: options, environment: environment.variables)
    } catch let error as UsageError {
      return CommandLineTool.fail(error)
    } catch {
      return StoreFailure.report(error)
    }

    let version = options.apiVersion.map { " (Table API \($0))" } ?? ""
    print("Instance: \(options.instance.address)\(version)")
    let test = await testConnection(options: options, secrets: secrets, environment: &environment)

    if !test.report.ok {
      // The report above is on stdout; stderr alone still says what failed, for a script's log.
      let verdict = test.report.diagnosis
      CommandLineTool.printError(
        "snowgate setup: the connection test failed (\(verdict.code)): \(verdict.summary)")
      guard options.saveAnyway else {
        CommandLineTool.printError(
          "Nothing was saved. To save the profile '\(options.name)' anyway, add --save-anyway.")
        return verdict.exitCode
      }
    }

    let saved: Profile
    let isDefault: Bool
    do {
      let existed = try store.load().profile(named: options.name) != nil
      saved = try store.save(profile: options.profile, secrets: secrets.stored(tokens: test.tokens))
      isDefault = try store.load().defaultProfile == options.name
      let verb = existed ? "Replaced" : "Saved"
      let anyway = test.report.ok ? "" : " (--save-anyway: the connection test failed)"
      print("\(verb) the profile '\(saved.name)' in \(store.configURL.path)\(anyway).")
    } catch {
      return StoreFailure.report(error)
    }
    print(storeLine(options: options, store: store))
    if isDefault { print("It is the default profile.") }
    for note in shadowNotes(saved: saved, secrets: secrets, store: store, environment: environment.variables)
    {
      print("Note: \(note)")
    }
    print("Next: snowgate check \(saved.name)")
    return 0
  }

  /// Tests the connection exactly as `snowgate check` would test the saved profile (the same
  /// layers through `ConnectionService`, the same verdicts and sentences) and prints check's
  /// report; the tokens the instance issued on the way are kept for saving.
  static func testConnection(
    options: ScriptedSetupOptions, secrets: StoredCredentials, environment: inout AppEnvironment
  ) async -> SetupTestResult {
    var credentials = CheckCredentials(profile: options.profile)
    credentials.secrets.password = secrets.password
    credentials.secrets.clientSecret = secrets.clientSecret
    credentials.secrets.refreshToken = secrets.refreshToken
    credentials.secrets.apiKey = secrets.apiKey
    credentials.clientCertificate = options.clientCertificate(passphrase: secrets.keyPassphrase)
    let warnings = await credentials.inspectCertificate(environment: environment.variables)
    warnings.forEach { CommandLineTool.printError("snowgate setup: warning: \($0)") }
    let issued = IssuedTokens()
    let service = ConnectionService(environment: environment)
    let check = service.plan(profile: options.profile, credentials: credentials, notes: warnings) {
      issued.keep($0)
    }
    // SNOWGATE_LOG of a setup holds the test's requests.
    environment.log = check.log
    let report = await service.test(check, options: service.options(timeout: options.timeout))
    let printer = CheckPrinter(request: CheckRequest(), variables: environment.variables)
    print(printer.renderReport(report, check: check), terminator: "")
    return SetupTestResult(report: report, tokens: issued.latest)
  }

  /// The environment variables that will hide what was just saved.
  ///
  /// A variable whose value was itself saved in the credentials file hides nothing worth saying;
  /// one that differs (the password came from stdin) or that stands in for the profile's
  /// command (which the test then never tried) does.
  static func shadowNotes(
    saved: Profile, secrets: StoredCredentials, store: ProfileStore, environment: [String: String]
  ) -> [String] {
    let notice = ShadowNotice.load(profile: saved, store: store, environment: environment)
    guard saved.secretStore == .file else { return notice.notes }
    return notice.filtered(store: saved.secretStore) { kind in
      let variable = kind.environmentVariable ?? ""
      return environment[variable] != secrets[kind]?.reveal()
    }.notes
  }

  /// One line saying where the profile's secrets are now.
  static func storeLine(options: ScriptedSetupOptions, store: ProfileStore) -> String {
    switch options.secretStore {
    case .keyring:
      return "Its secrets and tokens are in the OS keyring (service snowgate, profile \(options.name)); "
        + "\(store.credentialsURL.lastPathComponent) holds none of them."
    case .file:
      return "Its secrets are in \(store.credentialsURL.path) (readable only by you)."
    case .command(let argv):
      return "Its secrets come from the command \(argv.joined(separator: " ")); "
        + "issued tokens are cached in \(store.credentialsURL.path)."
    case .environment, .ask:
      let variables = options.authType.userSecretKinds.compactMap(\.environmentVariable)
      return "No secret was stored: set \(variables.joined(separator: " and ")) whenever you use it."
    }
  }

}
