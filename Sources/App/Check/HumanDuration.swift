/// A duration as `check` says it to a person: "412 ms" below a second, "9.1 s" above.
///
/// The same rounding as the report's lines, so a slow warning and its line agree.
enum HumanDuration {
  static func text(_ milliseconds: Int) -> String {
    if milliseconds < 1000 { return "\(milliseconds) ms" }
    let tenths = (milliseconds + 50) / 100
    return "\(tenths / 10).\(tenths % 10) s"
  }
}
