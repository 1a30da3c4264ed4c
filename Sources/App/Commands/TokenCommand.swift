import Diagnosis
import Foundation
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
      output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
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
    let result: Result<FreshToken, ServiceNowFailure>
    switch ConnectionChoice.resolve(named: parsed.positionals.first, variables: service.environment) {
    case .failure(let error):
      errors(error.text)
      return 2
    case .success(.saved(let name)):
      result = await service.accessToken(profile: name)
    case .success(.environment(let profile)):
      errors(ConnectionChoice.announcement(profile))
      // Nothing is saved for a connection without a profile, so "could not be saved" is no news.
      result = await service.accessToken(for: profile).map { token in
        var quiet = token
        quiet.warnings = []
        return quiet
      }
    }
    afterwards()
    switch result {
    case .success(let token):
      token.warnings.forEach { errors("snowgate token: warning: \($0)") }
      output(token.accessToken.reveal())
      return 0
    case .failure(let failure):
      errors(FailureText.render(failure, command: "token"))
      return Diagnosis.exitCode(for: failure.code)
    }
  }
}
