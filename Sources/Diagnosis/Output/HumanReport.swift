import TextSafety

/// The report of `snowgate check` for a person: a line per check, the remedy under a failure,
/// and a summary line with the verdict.
///
/// ```
/// Checking dev (https://dev12345.service-now.com, basic auth)
///   ✓ URL            https://dev12345.service-now.com  (0 ms)
///   ✓ DNS            dev12345.service-now.com → 203.0.113.9  (12 ms)
///   ✗ TCP            203.0.113.9:443 refused the connection  (2 ms)
///                    → Check the port in the instance address: ServiceNow instances use 443.
///   – TLS            skipped: TCP failed
/// ✗ tcp.refused: Nothing accepts connections on port 443 of dev12345.service-now.com. (exit 4, 0.1 s)
/// ```
/// A warning's remedy sits under its line like a failure's; the summary line carries the exit
/// status because support staff are asked for it.
/// Colour is the caller's decision (NO_COLOR, isatty): this type only obeys `colour`.
public enum HumanReport {
  static let titleWidth = 14

  public static func render(_ report: Report, colour: Bool, verbose: Bool, exchangeLog: String?) -> String {
    let paint = Painter(enabled: colour)
    var lines: [String] = []
    let who =
      report.profile.map { "\($0) (\(report.instance), \(report.auth.word) auth)" }
      ?? "\(report.instance) (\(report.auth.word) auth)"
    lines.append(paint.bold("Checking \(who)"))
    let deciding = report.failingCheck?.id
    for check in report.checks {
      let mark = paint.mark(check.status)
      let title = check.title + String(repeating: " ", count: max(0, titleWidth - check.title.count))
      // The detail may quote a server; made visible again in case a layer forgot to.
      var line = "  \(mark) \(title) \(UntrustedText.visible(check.detail))"
      if check.status != .skip { line += paint.dim("  (\(duration(check.elapsedMilliseconds)))") }
      if let timings = check.timings { line += paint.dim(" [\(timings.summary)]") }
      lines.append(check.status == .skip ? paint.dim(line) : line)
      let indent = String(repeating: " ", count: 5 + titleWidth)
      if check.id == deciding {
        for remedy in report.diagnosis.remedies { lines.append(indent + "→ " + remedy) }
      } else if check.status != .pass, check.status != .skip, let remedy = check.remedy {
        lines.append(indent + "→ " + remedy)
      }
    }
    if verbose {
      lines.append("")
      if let exchangeLog, !exchangeLog.isEmpty {
        lines.append(paint.bold("HTTP exchange (secrets redacted):"))
        for logLine in exchangeLog.split(separator: "\n", omittingEmptySubsequences: false) {
          lines.append("  " + logLine)
        }
      } else {
        lines.append("HTTP exchange: nothing was sent.")
      }
    }
    let code = report.diagnosis.code
    let exit = exitCode(for: code)
    let tail = "(exit \(exit), \(duration(report.elapsedMilliseconds)))"
    let mark =
      report.ok
      ? paint.mark(report.checks.contains { $0.status == .warn } ? .warn : .pass)
      : paint.mark(.fail)
    lines.append(mark + " " + paint.bold("\(code): \(report.diagnosis.summary)") + " " + paint.dim(tail))
    return lines.joined(separator: "\n") + "\n"
  }

  /// "12 ms" below a second, "2.3 s" above.
  static func duration(_ milliseconds: Int) -> String {
    if milliseconds < 1000 { return "\(milliseconds) ms" }
    let tenths = (milliseconds + 50) / 100
    return "\(tenths / 10).\(tenths % 10) s"
  }
}
