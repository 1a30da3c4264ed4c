import Platform
import SystemCommands
import Vocabulary

/// Runs a profile's external secret command (`pass show …`, `secret-tool lookup …`) without a shell.
///
/// The trimmed standard output is the secret. Standard input is an empty pipe and standard error
/// is discarded: the command must not prompt on the terminal the wizard is drawing on, and neither
/// stream may end up in an error message, since either could hold the secret. It runs through
/// `SystemCommand`, as every other program snowgate starts.
struct SecretCommand: Sendable {
  var argv: [String]
  var timeout: TimeInterval

  /// The environment variables holding secrets, never passed on to the command.
  static let secretVariables: Set<String> = ChildEnvironment.secretVariables

  /// The most a secret command may print: a secret, even a long JWT, is a few KiB.
  static let outputLimit = 64 * 1024

  /// The command as people see it in messages (it is configuration, not a secret).
  var displayText: String { argv.joined(separator: " ") }

  /// Runs the command for one secret of one profile and returns what it printed, trimmed.
  ///
  /// Returns nil when it printed nothing and `emptyIsNone` is set (a public client's absent
  /// client secret); otherwise an empty answer is an error.
  func run(
    profile: String, kind: SecretKind, environment: [String: String], emptyIsNone: Bool
  ) throws -> Secret? {
    func failure(_ problem: SecretCommandProblem) -> ProfileStoreError {
      .secretCommandFailed(command: displayText, kind: kind, problem: problem)
    }
    let arguments = argv.map {
      $0.replacing("{profile}", with: profile).replacing("{secret}", with: kind.commandName)
    }
    guard let program = arguments.first,
      let executable = SystemCommand.locate(program, environment: environment)
    else { throw failure(.notFound) }
    // The program prints secrets and runs with this user's rights: one that another user
    // could have replaced is not run (a script in a shared folder, a world-writable file).
    var info = stat()
    if stat(executable, &info) == 0 {
      try FileTrust.check(executable, info, kind: .program)
    }

    // posix_spawn without a shell, its own process group killed whole at the deadline, stdin
    // at end of file, and a spawn that retries while a freshly written script is still open for
    // writing in a child another thread forks (ETXTBSY): the one way snowgate starts programs.
    let command = SystemCommand(
      [executable] + arguments.dropFirst(), environment: ChildEnvironment.withoutSecrets(environment),
      deadline: timeout, outputLimit: Self.outputLimit,
      told: ["SNOWGATE_PROFILE": profile, "SNOWGATE_SECRET_KIND": kind.commandName])
    let output: SystemCommandOutput
    do {
      output = try command.run()
    } catch {
      switch error {
      case .notFound: throw failure(.notFound)
      case .couldNotStart(_, let reason): throw failure(.couldNotStart(reason: reason))
      case .timedOut: throw failure(.timedOut(seconds: timeout))
      case .outputTooLarge(_, let limit): throw failure(.printedTooMuch(limit: limit))
      }
    }
    // Standard error is never read: it may echo the secret, and it is no part of the answer.
    if let signal = output.signal { throw failure(.killed(signal: signal)) }
    if let status = output.exitStatus, status != 0 { throw failure(.exited(status: status)) }
    let text = PlainString.trimmed(String(decoding: output.standardOutput, as: UTF8.self), newlines: true)
    if text.isEmpty {
      if emptyIsNone { return nil }
      throw failure(.printedNothing)
    }
    return Secret(text)
  }
}
