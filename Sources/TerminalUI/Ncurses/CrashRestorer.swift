#if os(Linux)
  import Glibc
  import Synchronization

  /// The terminal settings from before ncurses took over, for the crash handler to put back.
  nonisolated(unsafe) private var savedTerminal = termios()
  /// The handlers that were installed before ours (e.g. Swift's backtracer), by signal number.
  nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
  /// Whether the terminal is in full-screen mode right now.
  private let crashArmed = Atomic<Bool>(false)
  private let terminalSaved = Atomic<Bool>(false)

  /// Resets the screen after xterm-style terminals' full-screen mode: attributes, cursor,
  /// keypad mode, bracketed paste, alternate screen. Static bytes, so the handler allocates nothing.
  private let resetSequence: StaticString =
    "\u{1B}[0m\u{1B}[?25h\u{1B}[?1l\u{1B}>\u{1B}[?2004l\u{1B}[?1049l\r\n"
  /// What a crash in full-screen mode says, on stderr, after the terminal is back.
  private let crashMessage: StaticString =
    "snowgate stopped after an internal error; nothing more was saved.\n"

  /// Restores the terminal when the process crashes (a Swift trap, a segfault, abort).
  ///
  /// A crash skips `atexit` and every `defer`, and would leave the shell without echo. The
  /// handler only calls async-signal-safe functions (`tcsetattr`, `write`, `sigaction`), then
  /// puts the previous handler back and returns, so the fault happens again and the previous
  /// handler (Swift's backtrace, or the default core dump) runs on a readable terminal.
  enum CrashRestorer {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGSYS]

    /// Remembers the current terminal settings and installs the handler; call once, early.
    static func install() {
      if tcgetattr(STDIN_FILENO, &savedTerminal) == 0 { terminalSaved.store(true, ordering: .releasing) }
      let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
      previous.initialize(repeating: sigaction(), count: 65)
      previousActions = previous
      for signalNumber in signals {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handle
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        sigaction(signalNumber, &action, previous + Int(signalNumber))
      }
    }

    /// Installs the handler for SIGTERM, SIGHUP and SIGINT: restore the terminal, then end the
    /// process with 128 + the signal number, as a shell expects.
    ///
    /// A plain handler, not a Dispatch signal source: a source was seen to lose a SIGTERM
    /// that arrived while the wizard's thread waited in ncurses, leaving the process running.
    /// The handler only uses async-signal-safe calls and does not depend on any other thread.
    static func installTermination(_ signals: [Int32]) {
      for signalNumber in signals {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = terminate
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(signalNumber, &action, nil)
      }
    }

    private static let terminate:
      @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?)
        -> Void = { signalNumber, _, _ in
          if crashArmed.exchange(false, ordering: .acquiringAndReleasing) {
            if terminalSaved.load(ordering: .acquiring) {
              tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
            }
            _ = write(STDOUT_FILENO, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount)
          }
          _exit(128 + signalNumber)
        }

    /// Whether a crash now should restore the terminal.
    static func setArmed(_ armed: Bool) {
      crashArmed.store(armed, ordering: .releasing)
    }

    /// In full-screen mode: restore the terminal, say so, and end with 128 + n. Never return:
    /// a fault sent by `kill` (or a handler that returns) would carry on in a wizard whose
    /// terminal was just taken away, and whatever state led to the crash cannot be trusted.
    /// Outside full-screen mode the previous handler (Swift's backtrace) gets the signal again.
    private static let handle:
      @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) ->
        Void = { signalNumber, _, _ in
          if crashArmed.exchange(false, ordering: .acquiringAndReleasing) {
            if terminalSaved.load(ordering: .acquiring) {
              tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
            }
            _ = write(STDOUT_FILENO, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount)
            _ = write(STDERR_FILENO, crashMessage.utf8Start, crashMessage.utf8CodeUnitCount)
            _exit(128 + signalNumber)
          }
          if let previous = previousActions { sigaction(signalNumber, previous + Int(signalNumber), nil) }
          // Delivered again, to the previous handler, as soon as this one returns: a fault
          // re-faults anyway, a signal sent by kill would otherwise be swallowed.
          raise(signalNumber)
        }
  }
#else
  /// Crash restoring is only wired for Linux, the platform snowgate ships on.
  enum CrashRestorer {
    static func install() {}
    static func installTermination(_ signals: [Int32]) {}
    static func setArmed(_ armed: Bool) {}
  }
#endif
