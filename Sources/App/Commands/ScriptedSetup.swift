import Diagnosis
import Foundation
import Profiles
import ServiceNowClient
import Vocabulary
import WizardCore

/// `snowgate setup NAME --no-input …`: sets up a profile for scripts, without a terminal.
///
/// It does what the wizard does, in order: check the instance address, gather the secrets
/// (environment, `--password-stdin` or the profile's secret command; never argv), test the
/// connection (Basic: a Table API read; OAuth: the grant, then a read with the token) and save
/// only when the test passed, unless `--save-anyway`. Every line it prints is free of secrets.
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
    if options.store == .keyring || !options.storeChosen {
      let keyring = store.keyring
      let availability = await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: keyring.availability()) }
      }
      switch (availability, options.storeChosen) {
      case (.available, _):
        options.store = .keyring
      case (.unavailable(let problem), true):
        return StoreFailure.report(ProfileStoreError.keyringFailed(problem))
      case (.unavailable(let problem), false):
        CommandLineTool.printError(
          "snowgate setup: no OS keyring answers here (\(problem.description)), so the secrets go to "
            + "the credentials file (mode 0600). Say --store file to choose it and silence this note.")
      }
    }

    let secrets: SetupSecrets
    do {
      secrets = try await SetupSecrets.gather(options: options, environment: environment.variables)
    } catch let error as UsageError {
      return CommandLineTool.fail(error)
    } catch {
      return StoreFailure.report(error)
    }

    let certificate = options.clientCertificate(passphrase: secrets.keyPassphrase)
    let client = environment.client(
      for: options.instanceURL, apiVersion: options.apiVersion, profileBundle: options.caBundle,
      certificate: certificate)
    let version = options.apiVersion.map { " (Table API \($0))" } ?? ""
    print("Instance: \(options.instance.address)\(version)")
    let test = await testConnection(options: options, secrets: secrets, client: client)

    if let failure = test.failure {
      printFailure(failure)
      guard options.saveAnyway else {
        CommandLineTool.printError(
          "Nothing was saved. To save the profile '\(options.name)' anyway, add --save-anyway.")
        return Diagnosis.exitCode(for: failure.code)
      }
    }

    let saved: Profile
    let isDefault: Bool
    do {
      let existed = try store.load().profile(named: options.name) != nil
      saved = try store.save(profile: options.profile, secrets: secrets.stored(tokens: test.tokens))
      isDefault = try store.load().defaultProfile == options.name
      let verb = existed ? "Replaced" : "Saved"
      let anyway = test.failure == nil ? "" : " (--save-anyway: the connection test failed)"
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

  /// Signs in the way the profile will, then reads the user table; prints each step.
  static func testConnection(options: ScriptedSetupOptions, secrets: SetupSecrets, client: ServiceNowClient)
    async -> SetupTestResult
  {
    let credentials: Credentials
    var tokens: TokenSet?
    if options.authType == .basic {
      print("Signing in with Basic as \(options.username ?? "")…")
      credentials = .basic(username: options.username ?? "", password: secrets.password ?? Secret(""))
    } else if options.authType == .apiKey {
      print("Signing in with the API key (x-sn-apikey)…")
      credentials = .apiKey(secrets.apiKey ?? Secret(""))
    } else if let certificate = options.clientCertificate(passphrase: secrets.keyPassphrase) {
      switch await ClientCertificateCheck.inspect(certificate) {
      case .failure(let failure):
        return SetupTestResult(failure: failure, tokens: nil)
      case .success(let report):
        print("Signing in with the client certificate \(report.certificate.summary)…")
        report.warnings.forEach { CommandLineTool.printError("snowgate setup: warning: \($0)") }
      }
      credentials = .clientCertificate
    } else {
      let grant: OAuthGrant
      if options.authType == .jwtBearer {
        print("Signing a JWT assertion with \(options.jwtKeyFile ?? "") (key ID \(options.jwtKeyID ?? ""))…")
        switch await JWTGrant.make(
          profileName: options.name, clientID: options.clientID ?? "", subject: options.username,
          keyID: options.jwtKeyID, keyFile: options.jwtKeyFile,
          environment: ProcessInfo.processInfo.environment)
        {
        case .failure(let failure): return SetupTestResult(failure: failure, tokens: nil)
        case .success(let made): grant = made
        }
      } else {
        switch OAuthGrant.unattended(
          kind: options.authType, username: options.username, password: secrets.password,
          refreshToken: secrets.refreshToken)
        {
        case .success(let unattended):
          grant = unattended
        case .failure(let gap):
          // The options were checked before the test: a gap here is a missing piece of them.
          let failure = ServiceNowFailure(
            code: "config.secret_missing", summary: "There is no \(gap.missing) to sign in with.",
            remedies: ["Give it on the command line; snowgate setup --help lists the options."])
          return SetupTestResult(failure: failure, tokens: nil)
        }
      }
      print("Requesting a token (\(grant.grantType) grant, client \(options.clientID ?? ""))…")
      let request = TokenRequest(
        clientID: options.clientID ?? "", clientSecret: secrets.clientSecret, grant: grant,
        scope: options.scope)
      switch await client.requestToken(request) {
      case .failure(let failure):
        return SetupTestResult(failure: failure, tokens: nil)
      case .success(let issued):
        tokens = issued
        let expiry = ExpiryText.describe(expiresAt: issued.expiresAt, now: Date())
        let refresh = issued.refreshToken == nil ? "" : " and a refresh token"
        print("Got an access token (\(expiry == ExpiryText.none ? "no expiry given" : expiry))\(refresh).")
        credentials = .bearer(issued.accessToken)
      }
    }
    print("Reading the user table (sys_user)…")
    switch await client.testTableAccess(auth: credentials) {
    case .failure(let failure):
      return SetupTestResult(failure: failure, tokens: tokens)
    case .success(let report):
      print("Connection test passed: read \(report.users.table) in \(milliseconds(report.users.elapsed)) ms.")
      if case .success(let user) = await client.currentUser(auth: credentials) {
        print("Signed in as \(user.description).")
      }
      if let warning = report.metadataWarning {
        print("Warning: the table list (sys_db_object) cannot be read: \(warning.summary)")
      }
      return SetupTestResult(failure: nil, tokens: tokens)
    }
  }

  /// The environment variables that will hide what was just saved.
  ///
  /// A variable whose value was itself saved in the credentials file hides nothing worth saying;
  /// one that differs (the password came from stdin) or that stands in for the profile's
  /// command (which the test then never tried) does.
  static func shadowNotes(
    saved: Profile, secrets: SetupSecrets, store: ProfileStore, environment: [String: String]
  ) -> [String] {
    let notice = ShadowNotice.load(profile: saved, store: store, environment: environment)
    guard saved.secretStore == .file else { return notice.notes }
    return notice.filtered(store: saved.secretStore) { kind in
      let variable = kind.environmentVariable ?? ""
      return environment[variable] != secrets[kind]?.reveal()
    }.notes
  }

  /// The failure for people on stderr: what happened, its code, and what to do.
  static func printFailure(_ failure: ServiceNowFailure) {
    var lines = ["snowgate: the connection test failed: \(failure.summary)"]
    if let detail = failure.detail { lines.append("  (\(detail))") }
    lines.append("  code: \(failure.code)")
    if !failure.remedies.isEmpty {
      lines.append("What to do:")
      lines += failure.remedies.map { "  - \($0)" }
    }
    CommandLineTool.printError(lines.joined(separator: "\n"))
  }

  /// One line saying where the profile's secrets are now.
  static func storeLine(options: ScriptedSetupOptions, store: ProfileStore) -> String {
    switch options.store {
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

  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }
}
