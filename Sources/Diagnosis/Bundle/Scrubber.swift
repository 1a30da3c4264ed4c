import Foundation
import Vocabulary

/// A last line of defence before text leaves the machine in a bundle: masks anything shaped
/// like a credential, even though the client's log is already redacted. Applied to the exchange
/// log and the verdict, not to the curl commands, whose `$VARIABLE` references must survive.
enum Scrubber {
  /// The client's mask, so the bundle says what --verbose and the log say.
  static let mask = NSRegularExpression.escapedTemplate(for: Secret.mask)

  static let rules: [(NSRegularExpression, String)] = [
    (#"(?i)(authorization:[ \t]*(?:basic[ \t]+|bearer[ \t]+)?)[^\s"]+"#, "$1" + mask),
    (#"(?i)((?:set-)?cookie:[ \t]*|x-usertoken:[ \t]*)[^\r\n]+"#, "$1" + mask),
    (
      #"(?i)\b((?:password|client_secret|refresh_token|access_token|code_verifier|code)=)[^&\s"']+"#,
      "$1" + mask
    ),
    (#"(?i)("(?:password|client_secret|refresh_token|access_token|id_token)"\s*:\s*")[^"]*"#, "$1" + mask),
    (#"(?i)(://)[^/@\s:]+:[^/@\s]+@"#, "$1" + mask + "@"),
  ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

  static func scrub(_ text: String) -> String {
    var out = text
    for (expression, template) in rules {
      out = expression.stringByReplacingMatches(
        in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
    }
    return out
  }
}
