import Platform

/// One command in the command table: what it takes and how it is explained.
///
/// The parser, `--help`, `snowgate help COMMAND`, the completions and the man page are all
/// made from these values, so an option cannot be parsed without being documented.
struct CommandSpec: Equatable, Sendable {
  var name: String
  /// The line in the top-level command list, e.g. `check [NAME]`.
  var arguments: String
  /// One line for the top-level list and the man page.
  var summary: String
  /// Usage lines, each after `snowgate `; the first defaults to name and arguments.
  var synopsis: [String]
  /// What it does, in paragraphs.
  var about: String
  var options: [OptionSpec]
  /// More paragraphs after the options (secrets, output shape, keys).
  var notes: String?
  var examples: [String]
  /// Names of the environment variables it reads (described once, in `CommandTable.environment`).
  var environment: [String]
  var exitStatus: String?
  /// Whether its first positional is a saved profile's name (so `--profile`/`-p` and
  /// `SNOWGATE_PROFILE` apply, and completion offers the saved names).
  var takesProfile: Bool
  /// Whether it is left out of the command list (completion helpers).
  var hidden = false

  init(
    _ name: String, arguments: String = "", summary: String, synopsis: [String] = [], about: String,
    options: [OptionSpec] = [], notes: String? = nil, examples: [String] = [], environment: [String] = [],
    exitStatus: String? = nil, takesProfile: Bool = false, hidden: Bool = false
  ) {
    self.name = name
    self.arguments = arguments
    self.summary = summary
    self.synopsis = synopsis.isEmpty ? ["\(name)\(arguments.isEmpty ? "" : " " + arguments)"] : synopsis
    self.about = about
    let profile =
      takesProfile && !options.contains { $0.name == "--profile" } ? [CommandTable.profileOption] : []
    self.options = profile + options + [OptionSpec("--help", short: "-h", "show this help")]
    self.notes = notes
    self.examples = examples
    self.environment = environment
    self.exitStatus = exitStatus
    self.takesProfile = takesProfile
    self.hidden = hidden
  }

  /// The flags (options without a value) by every name they answer to.
  var flags: Set<String> {
    Set(options.filter { $0.value == nil }.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) })
  }

  /// The options with a value, by every name they answer to.
  var valued: Set<String> {
    Set(options.filter { $0.value != nil }.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) })
  }

  /// The long name of an option given by its short alias (or the name itself).
  func longName(_ given: String) -> String {
    options.first { $0.short == given }?.name ?? given
  }

  /// The text of `snowgate NAME --help` and `snowgate help NAME`.
  var help: String {
    var parts: [String] = []
    parts.append(
      synopsis.enumerated().map { index, line in
        (index == 0 ? "Usage: snowgate " : "       snowgate ") + line
      }.joined(separator: "\n"))
    parts.append(about)
    parts.append("Options:\n" + options.map { Self.line($0.label, $0.help) }.joined(separator: "\n"))
    if let notes { parts.append(notes) }
    if !examples.isEmpty {
      parts.append("Examples:\n" + examples.map { "  " + $0 }.joined(separator: "\n"))
    }
    if !environment.isEmpty {
      let described = environment.map { name in
        Self.line(name, CommandTable.variable(name)?.meaning ?? "")
      }
      parts.append("Environment:\n" + described.joined(separator: "\n"))
    }
    if let exitStatus { parts.append("Exit status:\n" + exitStatus) }
    return parts.joined(separator: "\n\n")
  }

  /// One help line: the label in a 22-column field, the text after it (or below a long label).
  static func line(_ label: String, _ text: String) -> String {
    let indent = String(repeating: " ", count: 23)
    let body = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    if label.count <= 19 {
      return "  " + PlainString.padded(label, to: 21) + body
    }
    return "  " + label + "\n" + indent + body
  }
}
