import Diagnosis
import Platform

/// What `check` adds to a report before anyone sees it: slow answers as warnings, and remedies
/// that name the real profile.
///
/// A layer that takes 9 s still works, but a person who asked "why is it slow?" deserves to be
/// told which layer, with the figure, rather than see a row of ticks. And a remedy that says
/// `snowgate setup NAME` makes support staff guess what NAME is when the report already knows.
enum ReportAdjustment {
  /// A layer slower than this is a warning, with its time in the line.
  static let slowMilliseconds = 2_000

  /// The report with both adjustments; the verdict is kept (slow is a warning, never a failure).
  static func apply(_ report: Report) -> Report {
    var adjusted = report
    adjusted.checks = report.checks.map { naming(slow($0), profile: report.profile) }
    adjusted.diagnosis.remedies = report.diagnosis.remedies.map { naming($0, profile: report.profile) }
    adjusted.diagnosis.summary = naming(report.diagnosis.summary, profile: report.profile)
    return adjusted
  }

  /// A passed check over `slowMilliseconds` becomes a warning that says how slow it was.
  static func slow(_ check: CheckResult) -> CheckResult {
    guard check.status == .pass, check.elapsedMilliseconds > slowMilliseconds else { return check }
    var warned = check
    warned.status = .warn
    let seconds = HumanDuration.text(check.elapsedMilliseconds)
    warned.detail = check.detail + ", but slowly"
    warned.remedy =
      "It took " + seconds + " (over 2 s). If it stays slow, tell the network or instance team."
    return warned
  }

  /// A check whose texts name `NAME` where the profile is known.
  static func naming(_ check: CheckResult, profile: String?) -> CheckResult {
    var named = check
    named.detail = naming(check.detail, profile: profile)
    named.remedy = check.remedy.map { naming($0, profile: profile) }
    return named
  }

  /// `snowgate setup NAME` → `snowgate setup prod`; without a profile, `snowgate setup` (which
  /// asks for a name).
  static func naming(_ text: String, profile: String?) -> String {
    var result = text
    for command in ["setup", "token", "check", "logout"] {
      let placeholder = "snowgate " + command + " NAME"
      guard PlainString.contains(placeholder, in: result) else { continue }
      let real = profile.map { "snowgate " + command + " " + $0 } ?? "snowgate " + command
      result = result.replacing(placeholder, with: real)
    }
    return result
  }
}
