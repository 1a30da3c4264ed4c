/// A mistake in how a command was called; exit status 2, said on stderr with what to do.
struct UsageError: Error, Equatable {
  var message: String
  var hint: String?

  init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  /// The text for stderr: the problem, then the way out.
  var text: String {
    "snowgate: \(message)" + (hint.map { "\n\($0)" } ?? "")
  }
}
