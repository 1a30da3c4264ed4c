import Diagnosis
import Foundation
import ServiceNowClient

/// `snowgate token [NAME]`: prints a valid access token for scripts, and nothing else.
///
/// stdout carries exactly one line, the token, so `$(snowgate token prod)` works; every other
/// word goes to stderr. The exit status follows `snowgate check`'s: 2 for a usage or profile
/// problem, 3 for a refused credential, 4 for the network.
enum TokenCommand {
  static let help = """
    Usage: snowgate token [NAME] [--ca-bundle FILE]

    Prints a valid OAuth access token of the saved profile NAME (the default profile when NAME
    is left out) on standard output, and nothing else. A token that expires within 60 seconds
    is renewed first (with the refresh token, or the profile's own grant) and saved.

    Messages go to standard error. Exit status: 0 token printed, 2 usage or profile problem
    (a Basic profile has no token), 3 the instance refused the credentials (a refresh token
    that expired: sign in again), 4 the instance could not be reached, 5 an answer that is not
    a token.

    --ca-bundle FILE trusts the CA certificates in FILE (PEM) as well as the system store (else
    the profile's, SNOWGATE_CA_BUNDLE or SSL_CERT_FILE).

    Example: curl -H "Authorization: Bearer $(snowgate token prod)" https://…/api/now/table/incident
    """

  static func run(_ arguments: [String]) async -> Int32 {
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.failure(error)
    }
    // A mistake in the arguments is reported by the run below, which parses them again.
    environment.caBundle =
      (try? ParsedArguments.parse(arguments, flags: ["--help", "-h"], options: ["--ca-bundle"]))?.options[
        "--ca-bundle"]
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
    switch CommandStart.parse(arguments, options: ["--ca-bundle"], help: help, output: output, errors: errors)
    {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count <= 1 else {
      errors(UsageError("token takes at most one profile name.", hint: help).text)
      return 2
    }
    let result = await service.accessToken(profile: parsed.positionals.first)
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
