/// Whether colour may be used: the conventions people set once in their shell.
///
/// `NO_COLOR` set and not empty (no-color.org), `CLICOLOR=0`, `--no-color` (which sets
/// `NO_COLOR`), or `TERM=dumb` (which also means no escape sequence of any kind) turn it off.
enum ColourPolicy {
  static func allowed(_ variables: [String: String]) -> Bool {
    if let noColour = variables["NO_COLOR"], !noColour.isEmpty { return false }
    if variables["CLICOLOR"] == "0" { return false }
    if variables["TERM"] == "dumb" { return false }
    return true
  }
}
