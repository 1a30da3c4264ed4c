import Diagnosis
import Foundation
import Profiles
import ServiceNowClient

/// `snowgate token [NAME]`: prints a valid access token for scripts, and nothing else.
///
/// stdout carries exactly one line, the token, so `$(snowgate token prod)` works; every other
/// word goes to stderr. The exit status follows `snowgate check`'s: 2 for a usage or profile
/// problem, 3 for a refused credential, 4 for the network.
enum TokenCommand {
  static let help = """
    Usage: snowgate token [NAME] [--header | --json] [--ca-bundle FILE]

    Prints a valid OAuth access token of the saved profile NAME (the default profile when NAME
    is left out) on standard output, and nothing else. A token that expires within 60 seconds
    is renewed first (with the refresh token, or the profile's own grant: a JWT bearer profile
    signs a new assertion) and saved.

      --header   print the whole header line a request needs, for any kind of profile:
                 Authorization: Bearer …, x-sn-apikey: … or Authorization: Basic …
      --json     print the token as JSON: access_token, token_type, expires_at, expires_in,
                 instance, profile

    Messages go to standard error. Exit status: 0 printed, 2 usage or profile problem
    (a Basic or API key profile has no token: use --header), 3 the instance refused the
    credentials or the profile is signed out (snowgate setup NAME signs in again), 4 the
    instance could not be reached, 5 an answer that is not a token.

    --ca-bundle FILE trusts the CA certificates in FILE (PEM) as well as the system store (else
    the profile's, SNOWGATE_CA_BUNDLE or SSL_CERT_FILE).

    Examples (the secret stays out of argv):
      curl -H @<(snowgate token prod --header) https://…/api/now/table/incident
      curl -H "Authorization: Bearer $(snowgate token prod)" https://…/api/now/table/incident
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
    switch CommandStart.parse(
      arguments, flags: ["--header", "--json"], options: ["--ca-bundle"], help: help, output: output,
      errors: errors)
    {
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
    switch service.profile(named: parsed.positionals.first) {
    case .failure(let failure):
      afterwards()
      errors(FailureText.render(failure, command: "token"))
      return Diagnosis.exitCode(for: failure.code)
    case .success(let found):
      profile = found
    }
    let result: Result<(Credentials, FreshToken?), ServiceNowFailure>
    if wantsHeader {
      result = await service.credentials(for: profile)
    } else {
      result = await service.accessToken(for: profile).map { (.bearer($0.accessToken), $0) }
    }
    afterwards()
    switch result {
    case .success(let (credentials, token)):
      token?.warnings.forEach { errors("snowgate token: warning: \($0)") }
      if wantsHeader {
        output(credentials.headerLine)
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

  /// The `--json` form: snake_case keys, the token in clear (it is what was asked for).
  static func json(_ token: FreshToken, profile: Profile, now: Date = Date()) -> String {
    var object: [String: Any] = [
      "access_token": token.accessToken.reveal(), "token_type": "Bearer",
      "instance": profile.instanceURL.absoluteString, "profile": profile.name,
    ]
    if let expiresAt = token.expiresAt {
      object["expires_at"] = ISO8601DateFormatter().string(from: expiresAt)
      object["expires_in"] = max(0, Int(expiresAt.timeIntervalSince(now).rounded(.down)))
    } else {
      object["expires_at"] = NSNull()
      object["expires_in"] = NSNull()
    }
    // Only strings, integers and null go in, which JSONSerialization always accepts.
    let data = try! JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }
}
