/// Why a system command gave no usable answer. Never carries the command's output or input.
public enum SystemCommandError: Error, Equatable, Sendable {
  /// The program is not on PATH (or the given path is not an executable file).
  case notFound(program: String)
  /// posix_spawn refused to start it; the reason is the system's sentence for the error.
  case couldNotStart(program: String, reason: String)
  /// It did not finish before the deadline and was killed with its process group.
  case timedOut(program: String, seconds: Double)
  /// It wrote more than the limit on one stream and was killed.
  case outputTooLarge(program: String, limit: Int)
}

extension SystemCommandError: CustomStringConvertible {
  /// One sentence for people: what happened and what probably helps.
  public var description: String {
    switch self {
    case .notFound(let program):
      "The program \(program) was not found on PATH; install it or put its folder on PATH."
    case .couldNotStart(let program, let reason):
      "The program \(program) could not be started (\(reason)); check that it is an executable file."
    case .timedOut(let program, let seconds):
      "The program \(program) did not finish within \(Self.format(seconds)) seconds and was stopped;"
        + " it may be waiting for input or for a service that does not answer."
    case .outputTooLarge(let program, let limit):
      "The program \(program) wrote more than \(limit / 1024) KiB and was stopped; that is not the"
        + " answer snowgate expects from it."
    }
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
