/// How the wizard ended, for the runtime to turn into an exit code.
public enum ExitStatus: Equatable, Sendable {
  /// A profile was saved (the done screen).
  case success
  /// The person left before saving (welcome Quit, Esc on welcome, Ctrl-C).
  case cancelled
}
