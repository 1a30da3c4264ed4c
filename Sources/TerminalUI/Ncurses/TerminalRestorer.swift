import Dispatch
import Platform

/// Puts the terminal back the way it was on every way out: a terminating signal and `exit`.
///
/// A full-screen program that dies in raw mode leaves the shell unusable (no echo, no line
/// editing), so restoring must not depend on the happy path. SIGTERM, SIGHUP and SIGINT go to
/// an async-signal-safe handler (`CrashRestorer.installTermination`) that puts back the saved
/// terminal settings, leaves the alternate screen and exits with 128 + the signal number, as a
/// shell expects. `atexit` covers `exit()` from anywhere, `CrashRestorer` covers traps and
/// segfaults. A thrown error is the caller's to cover: `defer { terminal.restore() }`.
public final class TerminalRestorer: @unchecked Sendable {
  public static let shared = TerminalRestorer()

  /// The signals after which the terminal is restored and the process exits: every signal
  /// whose default is to end the process and that can be caught, apart from the faults
  /// (`CrashRestorer.signals`), which end it the same way.
  /// The real-time signals are left alone: glibc uses the first ones itself.
  #if os(Linux)
    public static let signals: [Int32] = [
      SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM,
      SIGPROF, SIGPWR, SIGSTKFLT, SIGIO,
    ]
  #else
    public static let signals: [Int32] = [
      SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM,
      SIGPROF,
    ]
  #endif

  private let lock = Lock()
  private var action: (@Sendable () -> Void)?
  private var installed = false

  /// Internal so tests can use a restorer of their own without touching the process-wide one.
  init() {}

  /// Installs the signal handlers and the exit hook once; later calls do nothing.
  ///
  /// Call before `newterm`, so that ncurses sees the signals already taken and does not
  /// install its own SIGINT/SIGTERM handlers.
  public func install() {
    lock.lock()
    defer { lock.unlock() }
    guard !installed else { return }
    installed = true
    // Signals first, before newterm, so ncurses sees them taken and installs none of its own.
    CrashRestorer.installTermination(Self.signals)
    atexit { TerminalRestorer.shared.restoreNow() }
    CrashRestorer.install()
  }

  /// Sets what restoring means right now; nil once the terminal is restored.
  public func setAction(_ action: (@Sendable () -> Void)?) {
    lock.lock()
    self.action = action
    if self === TerminalRestorer.shared { CrashRestorer.setArmed(action != nil) }
    lock.unlock()
  }

  /// Whether there is a terminal to restore.
  public var isArmed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return action != nil
  }

  /// Runs the restore action at most once, however many ways out happen together.
  public func restoreNow() {
    lock.lock()
    let pending = action
    action = nil
    if self === TerminalRestorer.shared { CrashRestorer.setArmed(false) }
    lock.unlock()
    pending?()
  }
}
