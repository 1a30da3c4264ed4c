import Platform
import TextSafety

/// Asks a yes/no question on the terminal; anything but yes means no.
///
/// The question goes to stderr so that stdout stays clean for whatever a script reads, and
/// only a terminal on stdin is asked: a pipe may hold data that was never meant as an answer.
enum Confirmation {
  /// Whether stdin is a terminal a person can answer on.
  static var canAsk: Bool { isatty(STDIN_FILENO) == 1 }

  /// Prints `question` and "[y/N] ", reads one line, and says whether it was a yes.
  static func ask(_ question: String) -> Bool {
    StandardStream.error.write("\(question) [y/N] ")
    guard let line = BoundedLine.read().text else {
      StandardStream.error.write("\n")
      return false
    }
    return isYes(line)
  }

  /// "y" or "yes" in any case, with surrounding spaces; everything else (also empty) is no.
  static func isYes(_ answer: String) -> Bool {
    let word = PlainString.trimmed(answer).lowercased()
    return word == "y" || word == "yes"
  }
}
