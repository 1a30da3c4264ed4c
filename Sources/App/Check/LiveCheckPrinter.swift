import Diagnosis
import Platform
import Vocabulary

/// `check` on a terminal: each layer's line as soon as it is known, the running layer's
/// spinner under them (flutter doctor style), then the rest of the report.
///
/// Someone watching a 9-second instance sees the passed layers at once and which one is slow,
/// instead of a still screen. The lines are the report's own (`HumanReport` of the checks so
/// far), so the final report only adds what only the end can know: the verdict's remedies under
/// the deciding line, and the summary. When the end changes a line already printed, the lines
/// from there are rewritten in place. Pipes, `--json` and `--all` never use this.
final class LiveCheckPrinter: @unchecked Sendable {
  private let lock = Lock()
  private let target: DiagnosisTarget
  private let colour: Bool
  private let spinner: Bool
  /// The address as the final report will name it, so the header printed first stays true.
  private let instance: String
  private var finished: [CheckResult] = []
  private var printed: [String] = []
  private var running: CheckID?
  private var frame = 0
  private var spinnerShown = false
  private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  /// `spinner` when stderr is the same kind of terminal (it is drawn there, never in a pipe).
  init(target: DiagnosisTarget, colour: Bool, spinner: Bool) {
    self.target = target
    self.colour = colour
    self.spinner = spinner
    switch InstanceURL.normalise(target.instance) {
    case .success(let address): instance = address.url.absoluteString
    case .failure: instance = target.instance
    }
  }

  /// Whether the live lines can be used: one connection, a person's report, and a terminal
  /// that moves its cursor (not `TERM=dumb`).
  static func applies(to request: CheckRequest, checks: Int, variables: [String: String]) -> Bool {
    !request.json && !request.all && checks == 1 && isatty(STDOUT_FILENO) == 1
      && (variables["TERM"] ?? "") != "dumb" && !(variables["TERM"] ?? "").isEmpty
  }

  /// A layer started or finished.
  func progress(_ progress: CheckProgress) {
    lock.lock()
    defer { lock.unlock() }
    switch progress {
    case .started(let id):
      running = id
      drawSpinner()
    case .finished(let result):
      if running == result.id { running = nil }
      finished.append(ReportAdjustment.naming(ReportAdjustment.slow(result), profile: target.profile))
      // From the first failure on, only the end knows the lines (the verdict's remedies go under
      // the deciding one), so they wait for it; the rest never changes once printed.
      let shown = finished.firstIndex { $0.status == .fail }.map { Array(finished[..<$0]) } ?? finished
      let partial = Report(
        profile: target.profile, instance: instance, auth: target.auth,
        diagnosis: Verdict(code: "ok", summary: ""), checks: shown, elapsedMilliseconds: 0)
      var lines = Self.lines(HumanReport.render(partial, colour: colour, verbose: false, exchangeLog: nil))
      lines.removeLast()  // the summary line, which only the end knows
      show(lines)
      drawSpinner()
    }
  }

  /// Advances the spinner; the runtime calls it about ten times a second.
  func tick() {
    lock.lock()
    defer { lock.unlock() }
    frame += 1
    drawSpinner()
  }

  /// The whole report, as `HumanReport` renders it at the end.
  func finish(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    running = nil
    show(Self.lines(text))
  }

  /// Makes the screen show `lines`: what is printed already and equal stays, the rest is
  /// (re)written.
  private func show(_ lines: [String]) {
    eraseSpinner()
    var same = 0
    while same < printed.count, same < lines.count, printed[same] == lines[same] { same += 1 }
    var out = ""
    if same < printed.count {
      if colour {
        let rows = printed[same...].reduce(0) { $0 + Self.rows($1) }
        out += "\u{1B}[\(rows)F\u{1B}[J"
      } else {
        // No escape sequences without colour (NO_COLOR): the whole report again, below.
        out += "\n"
        same = 0
      }
    }
    for line in lines[same...] { out += line + "\n" }
    printed = lines
    guard !out.isEmpty else { return }
    StandardStream.output.write(out)
  }

  private func drawSpinner() {
    guard spinner, let running else { return }
    let mark = Self.frames[frame % Self.frames.count]
    // Carriage return and padding, no escape sequences: NO_COLOR terminals stay plain.
    let text = "  \(mark) checking \(running.title)…"
    StandardStream.error.write(
      ("\r" + PlainString.padded(text, to: 40)))
    spinnerShown = true
  }

  private func eraseSpinner() {
    guard spinnerShown else { return }
    StandardStream.error.write(("\r" + String(repeating: " ", count: 40) + "\r"))
    spinnerShown = false
  }

  private static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// How many terminal rows a printed line takes (long lines wrap).
  private static func rows(_ line: String) -> Int {
    var size = winsize()
    let columns =
      ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    var visible = 0
    var inEscape = false
    for scalar in line.unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        visible += 1
      }
    }
    return max(1, (visible + columns - 1) / columns)
  }
}
