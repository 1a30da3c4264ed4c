/// A mistake in how a command was called; exit status 2, said on stderr with what to do.
struct UsageError: Error, Equatable {
  var message: String
  var hint: String?
  /// The stable code `check --json` reports it under: `usage.invalid`, `profile.not_found`, …
  var code: String

  init(_ message: String, hint: String? = nil, code: String = "usage.invalid") {
    self.message = message
    self.hint = hint
    self.code = code
  }

  /// The text for stderr: the problem, then the way out.
  var text: String {
    "snowgate: \(message)" + (hint.map { "\n\($0)" } ?? "")
  }
}
