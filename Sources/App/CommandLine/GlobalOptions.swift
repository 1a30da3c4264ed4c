/// The options that belong to snowgate rather than to one command: `--profile` before the
/// command word (moved after it, where each command reads it) and `--no-color` anywhere.
struct GlobalOptions: Equatable {
  /// The arguments with the global options taken out or moved, command word first.
  var arguments: [String]
  var noColour = false

  /// Reads `arguments` (without the program name).
  static func read(_ arguments: [String]) -> Result<GlobalOptions, UsageError> {
    var leading: [String] = []
    var index = 0
    // Before the command word: only -p/--profile NAME (and --no-color) may come.
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--profile" || argument == "-p" {
        guard index + 1 < arguments.count else {
          return .failure(UsageError("\(argument) needs a profile name."))
        }
        leading += ["--profile", arguments[index + 1]]
        index += 2
      } else if argument.hasPrefix("--profile=") {
        leading.append(argument)
        index += 1
      } else if argument == "--no-color" {
        index += 1
        leading.append(argument)
      } else {
        break
      }
    }
    var rest = Array(arguments[index...])
    var result = GlobalOptions(arguments: [])
    var afterDashes = false
    rest = rest.filter { argument in
      if argument == "--" { afterDashes = true }
      if !afterDashes, argument == "--no-color" {
        result.noColour = true
        return false
      }
      return true
    }
    leading.removeAll { argument in
      if argument == "--no-color" {
        result.noColour = true
        return true
      }
      return false
    }
    guard let command = rest.first else {
      if !leading.isEmpty {
        return .failure(UsageError("--profile goes with a command.", hint: CommandTable.usage))
      }
      result.arguments = rest
      return .success(result)
    }
    if !leading.isEmpty, let spec = CommandTable.command(command),
      !spec.options.contains(where: { $0.name == "--profile" })
    {
      return .failure(UsageError("\(command) takes no profile, so --profile does not go with it."))
    }
    result.arguments = [command] + leading + rest.dropFirst()
    return .success(result)
  }
}
