import Diagnosis
import Platform
import Profiles

/// `snowgate env [NAME]`: shell `export` lines for tools that read variables, not profiles.
///
/// `SN_INSTANCE` and, for OAuth profiles, `SN_AUTHORIZATION` (a ready header value with a token
/// renewed as `snowgate token` renews it). Values are single-quoted for sh, so nothing in them
/// is expanded by `eval`.
enum EnvCommand {
  static func run(_ arguments: [String]) async -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "env") {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count <= 1 else {
      return CommandLineTool.fail(
        UsageError("env takes at most one profile name.", hint: CommandStart.help("env")))
    }
    let environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.failure(error)
    }
    let service = TokenService(environment: environment)
    let variable = environment.variables["SNOWGATE_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
    let name = parsed.positionals.first ?? variable
    let profile: Profile
    switch service.profile(named: name) {
    case .failure(let failure):
      CommandLineTool.printError(FailureText.render(failure, command: "env"))
      return Diagnosis.exitCode(for: failure.code)
    case .success(let found): profile = found
    }
    var lines = ["export SN_INSTANCE=\(quoted(profile.instanceURL.absoluteString))"]
    if profile.authType.isOAuth {
      switch await service.accessToken(for: profile) {
      case .failure(let failure):
        CommandLineTool.printError(FailureText.render(failure, command: "env"))
        return Diagnosis.exitCode(for: failure.code)
      case .success(let token):
        token.warnings.forEach { CommandLineTool.printError("snowgate env: warning: \($0)") }
        lines.append("export SN_AUTHORIZATION=\(quoted("Bearer " + token.accessToken.reveal()))")
      }
    } else if profile.authType == .certificate {
      // The files, not their contents: a tool that takes a client certificate reads them itself.
      lines.append("export SN_CLIENT_CERTIFICATE=\(quoted(profile.clientCertificateFile ?? ""))")
      lines.append("export SN_CLIENT_KEY=\(quoted(profile.clientKeyFile ?? ""))")
    } else {
      CommandLineTool.printError(
        "snowgate env: '\(profile.name)' signs in with a password, so no header is printed (it would hold the password)."
      )
    }
    environment.writeLogIfAsked()
    print(lines.joined(separator: "\n"))
    return 0
  }

  /// Single-quoted for sh: a quote inside becomes '\''; control characters are refused upstream
  /// (an address and a token have none), so the value stays one line.
  static func quoted(_ value: String) -> String {
    PlainString.shellQuoted(value.filter { !$0.isNewline })
  }
}
