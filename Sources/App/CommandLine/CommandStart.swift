/// How a command's arguments begin it: run with these, or stop now with this status.
///
/// Every command answers `--help`/`-h` and refuses a malformed call the same way; this is that
/// shared beginning, so each command only says which flags and options it takes.
enum CommandStart {
  case run(ParsedArguments)
  case exit(Int32)

  /// Parses `arguments`; `--help` prints `help` (exit 0), a usage mistake is said on stderr (exit 2).
  static func parse(
    _ arguments: [String], flags: Set<String> = [], options: Set<String> = [], help: String,
    output: (String) -> Void = { print($0) }, errors: (String) -> Void = CommandLineTool.printError
  ) -> CommandStart {
    let parsed: ParsedArguments
    do {
      parsed = try ParsedArguments.parse(arguments, flags: flags.union(["--help", "-h"]), options: options)
    } catch {
      errors(error.text)
      return .exit(2)
    }
    if parsed.flags.contains("--help") || parsed.flags.contains("-h") {
      output(help)
      return .exit(0)
    }
    return .run(parsed)
  }
}
