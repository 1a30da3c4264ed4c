import Platform
import TextSafety
import WizardCore

/// The wizard as numbered line prompts on standard input and output, for `TERM=dumb`,
/// `SNOWGATE_ACCESSIBLE=1`, `setup --plain`, screen readers, serial consoles and expect scripts.
///
/// Like huh's accessible mode: each screen is printed once as plain lines (`PlainTerminal`'s
/// rendering: no escape sequences, no cursor movement, nothing redrawn in place), then a prompt
/// with the default in brackets; the answer line becomes the keys the full-screen wizard would
/// have got, so the same reducer runs. While work runs, only what changes is printed: the
/// working line once, and each check line as it finishes. A secret is read without echo when
/// standard input is a terminal (termios); from a pipe it is simply read.
public final class PlainLineTerminal: WizardTerminal {
  private let plain: PlainTerminal
  private let input: Int32
  private let output: Int32
  /// The latest screen the runtime presented; printed when the keys of an answer are used up.
  private var latest: ScreenModel?
  /// The screen last printed whole, without its progress line.
  private var printed: ScreenModel?
  private var printedProgress: String?
  private var printedChecks: Set<String> = []
  private var promptShown = false
  private var pending: [Key] = []
  /// Lines typed (or piped) while work ran, answered in order once the next prompt is due.
  private var typeAhead: [String] = []
  private var ended = false

  public init(width: Int = 80, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
    self.plain = PlainTerminal(width: width)
    self.input = input
    self.output = output
  }

  public var size: (width: Int, height: Int) { (plain.width, 24) }

  public func present(_ model: ScreenModel, frame: Frame) {
    latest = model
  }

  public func readInput(timeoutMilliseconds: Int) -> TerminalInput? {
    if !pending.isEmpty { return .key(pending.removeFirst()) }
    guard let model = latest else { return nil }
    flush(model)
    let working = model.progress != nil
    if ended, typeAhead.isEmpty {
      // The input is over: let running work finish, then leave as Ctrl-C would.
      return working ? nil : .key(.interrupt)
    }
    if !working, !promptShown {
      // Echo goes off before the prompt shows: whoever answers it (a person, an expect
      // script) may send the secret the moment the prompt appears.
      if PlainTerminal.focusedField(model)?.isSecret == true { hideEcho() }
      say(plain.prompt(for: model))
      promptShown = true
    }
    let line: String?
    if !working, !typeAhead.isEmpty {
      let next = typeAhead.removeFirst()
      // Read while work ran, shown now after its prompt (a secret never).
      if echoing != nil {
        showEcho()
      } else {
        say((PlainTerminal.focusedField(model)?.isSecret == true ? "" : next) + "\n")
      }
      line = next
    } else {
      guard Self.isReadable(input, timeoutMilliseconds: timeoutMilliseconds) else { return nil }
      line = readLine()
    }
    guard let line else {
      // End of input: leave as Ctrl-C would (the quit question takes it as yes). Work still
      // running finishes first, so a script that pipes every answer at once still gets them all.
      if working, !typeAhead.isEmpty { return nil }
      if working {
        ended = true
        return nil
      }
      ended = true
      say("\n")
      return .key(.interrupt)
    }
    if working {
      // While work runs only leaving is an answer now (Esc stops the work, as on the full
      // screen); anything else waits for the next prompt.
      switch line {
      case ":back": pending = [.escape]
      case ":quit": pending = [.interrupt]
      default: typeAhead.append(line)
      }
    } else {
      promptShown = false
      pending = plain.keys(forAnswer: line, in: model)
      if pending.isEmpty { say("That is not one of the choices; type its number.\n") }
    }
    return pending.isEmpty ? nil : .key(pending.removeFirst())
  }

  public func showPlainText(_ text: String) {
    say("\n" + PlainTerminal.printable(text) + "\n\n")
  }

  /// Prints what changed since the last time: the whole screen, or while work runs only the
  /// working line and the check lines that finished.
  private func flush(_ model: ScreenModel) {
    var still = model
    still.progress = nil
    if let progress = model.progress {
      if printed == nil || !Self.sameScreen(printed!, still) {
        if printed?.title != model.title || printed == nil { say("\n" + plain.render(still)) }
        printed = still
      }
      if printedProgress != progress.label {
        say("Working: " + PlainTerminal.printable(progress.label) + "\n")
        printedProgress = progress.label
      }
      for item in model.items {
        guard case .check(let check) = item, check.status != .pending, check.status != .running else {
          continue
        }
        if printedChecks.insert(check.title).inserted {
          say(PlainTerminal.printable(plain.lines(for: check).joined(separator: "\n")) + "\n")
        }
      }
      return
    }
    printedProgress = nil
    printedChecks = []
    if let printed, printed == still { return }
    say("\n" + plain.render(still))
    printed = still
    promptShown = false
  }

  /// Whether two screens differ only in their check lines (a run in progress).
  private static func sameScreen(_ a: ScreenModel, _ b: ScreenModel) -> Bool {
    a.title == b.title && a.intro == b.intro
  }

  /// Writes `text` to the output at once (nothing is buffered: a prompt must show before a read).
  private func say(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      #if canImport(Glibc)
        let written = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
      #else
        let written = bytes.withUnsafeBytes { Darwin.write(output, $0.baseAddress, $0.count) }
      #endif
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }

  /// The terminal settings from before echo was turned off for a secret, while it is off.
  private var echoing: termios?

  /// Turns off the echo of standard input when it is a terminal, until the answer is read.
  private func hideEcho() {
    guard echoing == nil, isatty(input) == 1 else { return }
    var saved = termios()
    guard tcgetattr(input, &saved) == 0 else { return }
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(input, TCSANOW, &quiet)
    echoing = saved
    // A signal while the secret is asked for must not leave the shell without echo.
    let fd = input
    let before = saved
    TerminalRestorer.shared.install()
    TerminalRestorer.shared.setAction {
      var restored = before
      tcsetattr(fd, TCSANOW, &restored)
    }
  }

  private func showEcho() {
    guard var saved = echoing else { return }
    tcsetattr(input, TCSANOW, &saved)
    TerminalRestorer.shared.setAction(nil)
    echoing = nil
    say("\n")
  }

  /// One answer line, at most `BoundedLine.defaultLimit` bytes; nil at the end of input.
  private func readLine() -> String? {
    let result = BoundedLine.read(from: input)
    showEcho()
    switch result {
    case .line(let text): return text
    case .tooLong:
      say(BoundedLine.tooLongSentence("The answer") + "\n")
      return ""
    case .end: return nil
    }
  }

  private static func isReadable(_ fd: Int32, timeoutMilliseconds: Int) -> Bool {
    var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&request, 1, Int32(clamping: max(0, timeoutMilliseconds)))
    return ready > 0
  }
}
