/// One option of a command in the command table: its names, its value and its help line.
struct OptionSpec: Equatable, Sendable {
  /// The long name with its dashes, e.g. `--timeout`.
  var name: String
  /// A one-letter alias, e.g. `-y`, or nil.
  var short: String?
  /// The value it takes; nil for a flag.
  var value: ValueKind?
  /// The help text (wrapped by hand; continuation lines are indented by the renderer).
  var help: String
  /// Whether it may be given more than once (each value is kept, e.g. `-f key=value`).
  var repeats = false

  init(_ name: String, short: String? = nil, value: ValueKind? = nil, repeats: Bool = false, _ help: String) {
    self.name = name
    self.short = short
    self.value = value
    self.repeats = repeats
    self.help = help
  }

  /// The left column of its help line: `-y, --yes` or `--timeout SECONDS`.
  var label: String {
    let names = (short.map { "\($0), " } ?? "") + name
    return value.map { "\(names) \($0.placeholder)" } ?? names
  }
}
