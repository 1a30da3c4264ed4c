import Diagnosis
import Platform
import ServiceNowClient

/// `snowgate logout NAME`: revokes the profile's tokens at the instance and forgets them.
///
/// The tokens are forgotten even when the instance cannot be reached, and the command then
/// exits 0 with a warning on stderr: what the person asked for (no tokens on this machine) is
/// done, and the warning says the tokens stay valid on the instance until they expire.
enum LogoutCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("logout") }

  static func run(_ arguments: [String]) async -> Int32 {
    let environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.failure(error)
    }
    return await run(
      arguments, service: LogoutService(tokens: ConnectionService(environment: environment).tokens),
      output: { StandardStream.output.write(($0 + "\n")) },
      errors: CommandLineTool.printError, afterwards: environment.writeLogIfAsked)
  }

  /// The command with its outside world given: tests pass their own service and collectors.
  static func run(
    _ arguments: [String], service: LogoutService, output: (String) -> Void, errors: (String) -> Void,
    afterwards: () -> Void = {}
  ) async -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "logout", output: output, errors: errors) {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count == 1, let name = parsed.positionals.first else {
      errors(UsageError("logout needs exactly one profile name.", hint: help).text)
      return 2
    }
    let result = await service.logout(profile: name, keepSecrets: parsed.flags.contains("--keep-secrets"))
    afterwards()
    switch result {
    case .failure(let failure):
      errors(FailureText.render(failure, command: "logout"))
      return Diagnosis.exitCode(for: failure.code)
    case .success(let outcome):
      outcome.warnings.forEach { errors("snowgate logout: warning: \($0)") }
      if outcome.tokenCount == 0 {
        if outcome.forgotten, !outcome.signedOut {
          errors("snowgate logout: \(name) had no saved tokens; nothing to revoke.")
        }
      } else if outcome.revokedCount == outcome.tokenCount {
        errors("snowgate logout: revoked and forgot the tokens of \(name).")
      } else {
        errors("snowgate logout: forgot the tokens of \(name).")
      }
      if outcome.signedOut {
        errors(
          "snowgate logout: \(name) is signed out and its secrets are forgotten; "
            + "snowgate setup \(name) signs in again.")
      }
      return 0
    }
  }
}
