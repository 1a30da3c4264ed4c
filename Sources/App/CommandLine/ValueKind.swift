/// What an option's value is, so completion can offer the right words and help can name it.
enum ValueKind: Equatable, Sendable {
  /// Free text, shown in help as the given placeholder (USER, ID, …).
  case text(String)
  /// A file path; completion offers files.
  case file
  /// A number of seconds.
  case seconds
  /// A saved profile's name; completion offers the saved names.
  case profile
  /// One of a fixed set of words (shown as the placeholder); completion offers them.
  case choice(String, [String])

  /// The placeholder in usage lines and help.
  var placeholder: String {
    switch self {
    case .text(let name): name
    case .file: "FILE"
    case .seconds: "SECONDS"
    case .profile: "NAME"
    case .choice(let name, _): name
    }
  }
}
