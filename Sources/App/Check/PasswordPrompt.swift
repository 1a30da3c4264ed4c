import Platform
import ServiceNowClient
import Vocabulary

/// Asks a person at a terminal for a password, without echo.
///
/// `check --instance URL` on a terminal without SNOWGATE_PASSWORD asks rather than refusing: a
/// support engineer should not have to learn an environment variable to check one instance.
/// Scripts (stdin not a terminal) keep the refusal, which names the variable.
enum PasswordPrompt {
  /// The longest password accepted, in bytes; a longer line is refused, not cut.
  static let maximumBytes = 8_192

  /// Whether a person can be asked: stdin and stderr are both terminals.
  static var canAsk: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

  /// The password typed, nil when nothing (or too much) was typed.
  static func ask(_ question: String) -> Secret? {
    StandardStream.error.write(question)
    CheckInterrupt.echoOff()
    let line = readLine(strippingNewline: true)
    CheckInterrupt.echoOn()
    StandardStream.error.write("\n")
    guard let line, !line.isEmpty, line.utf8.count <= maximumBytes else { return nil }
    return Secret(line)
  }
}
