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
  static let help = """
    Usage: snowgate setup NAME --no-input --instance URL --auth TYPE [options]

    Sets up the profile NAME without asking anything, for scripts and provisioning. It tests
    the connection and saves the profile only when the test passes.

    TYPE is one of:
      basic               user name and password (--username; SNOWGATE_PASSWORD)
      password            OAuth password grant (--client-id, --username;
                          SNOWGATE_CLIENT_SECRET, SNOWGATE_PASSWORD)
      client-credentials  OAuth client credentials (--client-id; SNOWGATE_CLIENT_SECRET)
      refresh-token       OAuth with a refresh token (--client-id; SNOWGATE_REFRESH_TOKEN,
                          SNOWGATE_CLIENT_SECRET if the client has one)
      authorization-code  needs a browser: run 'snowgate setup NAME' in a terminal instead

    Options:
      --instance URL      the instance: dev12345, dev12345.service-now.com or a full URL
      --auth TYPE         how to sign in (see above)
      --username U        the user (basic, password)
      --client-id ID      the OAuth application's Client ID
      --scope S           the OAuth scope to ask for (default: none sent)
      --api-version vN    use a fixed Table API version, e.g. v2
      --store WHERE       where the secrets live: file (credentials.json, the default),
                          env (nothing stored; give them in the environment every time),
                          command:'CMD ARGS' (a command that prints each secret, e.g.
                          command:'pass show servicenow/prod'; tokens are cached in the file)
      --password-stdin    read the password from the first line of standard input
      --save-anyway       save even when the connection test fails
      --timeout SECONDS   the deadline of each network step (default 10)
      --help              show this help

    Secrets are never taken from the command line: set SNOWGATE_PASSWORD,
    SNOWGATE_CLIENT_SECRET or SNOWGATE_REFRESH_TOKEN, or use --password-stdin.

    Exit status: 0 saved; 2 usage error or a configuration file that cannot be used;
    1 the files could not be written; otherwise the test failed and nothing was saved:
    3 sign-in or permission refused, 4 network, TLS or instance unavailable,
    5 an answer snowgate cannot use, 6 rate limited (as 'snowgate check').
    """

  /// Runs the scripted setup; `arguments` are those after `setup`.
  static func run(_ arguments: [String]) async -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return 0
    }
    let options: ScriptedSetupOptions
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

    let secrets: SetupSecrets
    do {
      secrets = try await SetupSecrets.gather(options: options, environment: environment.variables)
    } catch let error as UsageError {
      return CommandLineTool.fail(error)
    } catch {
      return StoreFailure.report(error)
    }

    let client = environment.client(
      for: options.instanceURL, apiVersion: options.apiVersion, profileBundle: options.caBundle)
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
    } else {
      let grant: OAuthGrant
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
