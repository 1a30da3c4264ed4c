import Platform

/// Terminal settings to put back when Ctrl-C comes while a password is read without echo.
nonisolated(unsafe) private var savedTerminal = termios()
/// Whether `savedTerminal` must be put back (a prompt is reading right now).
nonisolated(unsafe) private var echoIsOff: sig_atomic_t = 0
/// Whether stderr is a terminal, where the spinner line is erased first.
nonisolated(unsafe) private var stderrIsTerminal: sig_atomic_t = 0

/// Ctrl-C during `check`: says "cancelled" and exits 130, as a shell expects.
///
/// A plain sigaction handler that only calls async-signal-safe functions (`tcsetattr`, `write`,
/// `_exit`). Everything `check` printed before went out with unbuffered writes, so a pipe has
/// all of it; the echo is back on if the signal came during a password prompt.
enum CheckInterrupt {
  static func install() {
    stderrIsTerminal = isatty(STDERR_FILENO) == 1 ? 1 : 0
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handle
    #else
      action.__sigaction_u.__sa_handler = handle
    #endif
    sigemptyset(&action.sa_mask)
    sigaction(SIGINT, &action, nil)
  }

  /// Turns echo off for a password prompt, remembering how to turn it back on.
  static func echoOff() {
    guard tcgetattr(STDIN_FILENO, &savedTerminal) == 0 else { return }
    var quiet = savedTerminal
    quiet.c_lflag &= ~tcflag_t(ECHO)
    echoIsOff = 1
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
  }

  /// Puts echo back after the prompt.
  static func echoOn() {
    guard echoIsOff == 1 else { return }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal)
    echoIsOff = 0
  }

  private static let handle: @convention(c) (Int32) -> Void = { _ in
    if echoIsOff == 1 { tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal) }
    let text: StaticString = stderrIsTerminal == 1 ? "\r\u{1B}[K\ncancelled\n" : "\ncancelled\n"
    _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
    _exit(130)
  }
}
