import Platform

/// Why an external secret command gave no secret. Never carries the command's output.
public enum SecretCommandProblem: Equatable, Sendable {
  /// The program is not on PATH or not executable.
  case notFound
  /// The program could not be started (e.g. a script without `#!` line).
  case couldNotStart(reason: String)
  /// It exited with a non-zero status.
  case exited(status: Int32)
  /// It was killed by a signal.
  case killed(signal: Int32)
  /// It did not finish in time and was stopped.
  case timedOut(seconds: Double)
  /// It succeeded but printed nothing.
  case printedNothing
  /// It printed more than any secret is (`SecretCommand.outputLimit` bytes) and was stopped.
  case printedTooMuch(limit: Int)
}
