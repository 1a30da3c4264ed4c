/// How a command's arguments begin it: run with these, or stop now with this status.
///
/// Every command answers `--help`/`-h` and refuses a malformed call the same way; this is that
/// shared beginning, driven by the command's entry in `CommandTable`.
enum CommandStart {
  case run(ParsedArguments)
  case exit(Int32)

  /// Parses `arguments` as the table's `command` says; `--help` prints its help (exit 0), a
  /// usage mistake is said on stderr (exit 2).
  static func parse(
    _ arguments: [String], command: String,
    output: (String) -> Void = { print($0) }, errors: (String) -> Void = CommandLineTool.printError
  ) -> CommandStart {
    guard let spec = CommandTable.command(command) else {
      errors(UsageError("unknown command '\(command)'.").text)
      return .exit(2)
    }
    let parsed: ParsedArguments
    do {
      parsed = try ParsedArguments.parse(arguments, spec: spec)
    } catch {
      errors(error.text)
      return .exit(2)
    }
    if parsed.flags.contains("--help") {
      output(spec.help)
      return .exit(0)
    }
    return .run(parsed)
  }

  /// The help of a command in the table (for usage-error hints).
  static func help(_ command: String) -> String {
    CommandTable.command(command)?.help ?? CommandTable.usage
  }
}
