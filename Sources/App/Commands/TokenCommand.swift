import Diagnosis
import Platform
import Profiles
import ServiceNowClient

/// `snowgate token [NAME]`: prints a valid access token for scripts, and nothing else.
///
/// stdout carries exactly one line, the token, so `$(snowgate token prod)` works; every other
/// word goes to stderr. The exit status follows `snowgate check`'s: 2 for a usage or profile
/// problem, 3 for a refused credential, 4 for the network.
enum TokenCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("token") }

  static func run(_ arguments: [String]) async -> Int32 {
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.failure(error)
    }
    // A mistake in the arguments is reported by the run below, which parses them again.
    environment.caBundle =
      (try? ParsedArguments.parse(arguments, spec: CommandTable.command("token")!))?.options["--ca-bundle"]
    return await run(
      arguments, service: ConnectionService(environment: environment).tokens,
      output: { StandardStream.output.write(($0 + "\n")) },
      errors: CommandLineTool.printError, afterwards: environment.writeLogIfAsked)
  }

  /// The command with its outside world given: tests pass their own service and collectors.
  static func run(
    _ arguments: [String], service: TokenService, output: (String) -> Void, errors: (String) -> Void,
    afterwards: () -> Void = {}
  ) async -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "token", output: output, errors: errors) {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count <= 1 else {
      errors(UsageError("token takes at most one profile name.", hint: help).text)
      return 2
    }
    let wantsHeader = parsed.flags.contains("--header")
    let wantsJSON = parsed.flags.contains("--json")
    if wantsHeader, wantsJSON {
      errors(UsageError("token prints either --header or --json, not both.", hint: help).text)
      return 2
    }
    let profile: Profile
    var fromEnvironment = false
    switch ConnectionChoice.resolve(named: parsed.positionals.first, variables: service.environment) {
    case .failure(let error):
      errors(error.text)
      return 2
    case .success(.saved(let name)):
      switch service.profile(named: name) {
      case .failure(let failure):
        afterwards()
        errors(FailureText.render(failure, command: "token"))
        return Diagnosis.exitCode(for: failure.code)
      case .success(let found):
        profile = found
      }
    case .success(.environment(let described)):
      errors(ConnectionChoice.announcement(described))
      profile = described
      fromEnvironment = true
    }
    var result: Result<(Credentials, FreshToken?), ServiceNowFailure>
    if wantsHeader {
      result = await service.credentials(for: profile)
    } else {
      result = await service.accessToken(for: profile).map { (.bearer($0.accessToken), $0) }
    }
    if fromEnvironment {
      // Nothing is saved for a connection without a profile, so "could not be saved" is no news.
      result = result.map { credentials, token in
        (
          credentials,
          token.map { token in
            var quiet = token
            quiet.warnings = []
            return quiet
          }
        )
      }
    }
    afterwards()
    switch result {
    case .success(let (credentials, token)):
      token?.warnings.forEach { errors("snowgate token: warning: \($0)") }
      if wantsHeader {
        // `credentials(for:)` refuses a certificate profile, the only kind without a header.
        output(credentials.headerLine ?? "")
      } else if wantsJSON, let token {
        output(json(token, profile: profile))
      } else if let token {
        output(token.accessToken.reveal())
      }
      return 0
    case .failure(let failure):
      errors(FailureText.render(failure, command: "token"))
      return Diagnosis.exitCode(for: failure.code)
    }
  }

  /// The version of the `--json` shape (`schema_version`); it changes only when a key changes
  /// meaning, as for `check --json`, `profiles --json` and `api --json`.
  static let schemaVersion = 1

  /// The `--json` form: snake_case keys, the token in clear (it is what was asked for).
  static func json(_ token: FreshToken, profile: Profile, now: Date = Date()) -> String {
    let expiresAt = token.expiresAt
    let object: JSONValue = .object([
      ("schema_version", .number(schemaVersion)), ("access_token", .string(token.accessToken.reveal())),
      ("token_type", .string("Bearer")), ("instance", .string(profile.instanceURL.absoluteString)),
      ("profile", .string(profile.name)),
      ("expires_at", JSONValue(expiresAt?.formatted(.iso8601))),
      ("expires_in", JSONValue(expiresAt.map { max(0, Int($0.timeIntervalSince(now).rounded(.down))) })),
    ])
    return object.serialized(sortedKeys: true, escapingSlashes: false)
  }
}
