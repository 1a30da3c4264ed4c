/// A command's arguments after parsing: positionals, valued options and flags.
///
/// Written here instead of depending on swift-argument-parser: snowgate has no package
/// dependencies, and its commands need little more than `--name value` and `--flag`.
struct ParsedArguments: Equatable {
  var positionals: [String] = []
  var options: [String: String] = [:]
  var flags: Set<String> = []

  /// Options that would put a secret into argv, where `ps` and shell history see it.
  static let secretOptions: Set<String> = [
    "--password", "--client-secret", "--secret", "--refresh-token", "--token", "--access-token",
  ]

  /// Parses `arguments` for a command that knows `flags` (no value) and `options` (one value).
  static func parse(_ arguments: [String], flags known: Set<String>, options valued: Set<String>)
    throws(UsageError)
    -> ParsedArguments
  {
    var result = ParsedArguments()
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        result.positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if secretOptions.contains(name) {
        throw UsageError(
          "\(name) is not accepted: a secret on the command line shows in `ps` and shell history.",
          hint:
            "Set it in the environment instead (SNOWGATE_PASSWORD, SNOWGATE_CLIENT_SECRET, SNOWGATE_REFRESH_TOKEN) or use --password-stdin."
        )
      }
      if known.contains(name) {
        guard inlineValue == nil else { throw UsageError("\(name) takes no value.") }
        result.flags.insert(name)
      } else if valued.contains(name) {
        if let inlineValue {
          result.options[name] = inlineValue
        } else if index < arguments.count {
          result.options[name] = arguments[index]
          index += 1
        } else {
          throw UsageError("\(name) needs a value.")
        }
      } else {
        let all = (known.union(valued)).sorted().joined(separator: ", ")
        throw UsageError("unknown option \(name).", hint: all.isEmpty ? nil : "This command takes: \(all)")
      }
    }
    return result
  }
}
