/// A command's arguments after parsing: positionals, valued options and flags.
///
/// Written here instead of depending on swift-argument-parser: snowgate has no package
/// dependencies, and its commands need little more than `--name value` and `--flag`.
struct ParsedArguments: Equatable {
  var positionals: [String] = []
  var options: [String: String] = [:]
  var flags: Set<String> = []
  /// Every value of each valued option, in order (`-f a=1 -f b=2`); `options` keeps the last.
  var values: [String: [String]] = [:]

  /// Options that would put a secret into argv, where `ps` and shell history see it.
  static let secretOptions: Set<String> = [
    "--password", "--client-secret", "--secret", "--refresh-token", "--token", "--access-token",
  ]

  /// Parses `arguments` as the command table's `spec` says; short aliases become long names.
  static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
    var parsed = try parse(
      arguments, flags: spec.flags, options: spec.valued, command: spec.name, longName: spec.longName)
    // `--profile NAME` is the NAME positional for the commands whose first positional is a
    // profile, so every command below sees one way of naming it.
    if spec.takesProfile, let profile = parsed.options.removeValue(forKey: "--profile") {
      parsed.values["--profile"] = nil
      guard parsed.positionals.isEmpty || spec.name == "rename" else {
        throw UsageError(
          "give the profile once: either NAME or --profile NAME, not both.",
          hint: "Run 'snowgate \(spec.name) --help' for the options.")
      }
      parsed.positionals.insert(profile, at: 0)
    }
    return parsed
  }

  /// Parses `arguments` for a command that knows `flags` (no value) and `options` (one value).
  static func parse(
    _ arguments: [String], flags known: Set<String>, options valued: Set<String>, command: String? = nil,
    longName: (String) -> String = { $0 }
  )
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
        result.flags.insert(longName(name))
      } else if valued.contains(name) {
        let name = longName(name)
        if let inlineValue {
          result.options[name] = inlineValue
          result.values[name, default: []].append(inlineValue)
        } else if index < arguments.count {
          result.options[name] = arguments[index]
          result.values[name, default: []].append(arguments[index])
          index += 1
        } else {
          throw UsageError("\(name) needs a value.")
        }
      } else {
        let names = known.union(valued).subtracting(["-h"]).sorted()
        let guess = Suggestion.closest(to: name, among: names.filter { $0.hasPrefix("--") })
        let all = names.filter { $0.hasPrefix("--") }.joined(separator: ", ")
        let more = command.map { " Run 'snowgate \($0) --help' for what each does." } ?? ""
        throw UsageError(
          "unknown option \(name)." + (guess.map { " Did you mean \($0)?" } ?? ""),
          hint: all.isEmpty ? nil : "This command takes: \(all).\(more)")
      }
    }
    return result
  }
}
