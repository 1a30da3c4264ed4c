import Platform
import Vocabulary

/// The curl command that repeats a logged exchange, with every secret replaced by a reference
/// to an environment variable, for support bundles and tickets.
///
/// Support staff can run it on another machine to compare, after exporting the variables;
/// the command itself holds nothing secret.
public enum CurlCommand {
  /// The environment variable a masked field, query parameter or credential refers to.
  public static func variable(for name: String) -> String {
    switch name.lowercased() {
    case "password": "SNOWGATE_PASSWORD"
    case "client_secret": "SNOWGATE_CLIENT_SECRET"
    case "refresh_token": "SNOWGATE_REFRESH_TOKEN"
    case "access_token": "SNOWGATE_ACCESS_TOKEN"
    case "code": "SNOWGATE_AUTH_CODE"
    case "code_verifier": "SNOWGATE_CODE_VERIFIER"
    case "token": "SNOWGATE_TOKEN"
    default:
      "SNOWGATE_" + name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
  }

  /// `curl …` for one logged exchange.
  public static func render(_ entry: RequestLogEntry) -> String {
    var parts = ["curl", "-sS", "-i"]
    if entry.method != "GET" || entry.requestFields != nil {
      parts += ["-X", entry.method]
    }
    parts.append(url(entry.url))
    for (name, value) in entry.requestHeaders.sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) {
      switch name.lowercased() {
      case "authorization" where value.hasPrefix("Basic"):
        parts += ["-u", #""$SNOWGATE_USERNAME:$SNOWGATE_PASSWORD""#]
      case "authorization" where value.hasPrefix("Bearer"):
        parts += ["-H", #""Authorization: Bearer $SNOWGATE_ACCESS_TOKEN""#]
      case "content-type" where entry.requestFields != nil:
        continue  // curl sets it for --data-urlencode
      default:
        parts += ["-H", PlainString.shellQuoted("\(name): \(value)")]
      }
    }
    for field in entry.requestFields ?? [] {
      if field.isMasked {
        parts += [
          "--data-urlencode", "\"\(field.name)=$\(variable(for: field.name))\"",
        ]
      } else {
        parts += ["--data-urlencode", PlainString.shellQuoted("\(field.name)=\(field.value)")]
      }
    }
    return parts.joined(separator: " ")
  }

  /// The URL, single-quoted; masked query values become variable references.
  ///
  /// Only the reference is double-quoted, beside the single-quoted text around it
  /// (`'…?a=1&token='"${SNOWGATE_TOKEN}"'&b=2'`): the whole URL in double quotes let a `$(…)`
  /// or a backtick in it run when the command was pasted.
  private static func url(_ text: String) -> String {
    guard text.contains(Secret.mask), let mark = text.firstIndex(of: "?") else {
      return PlainString.shellQuoted(text)
    }
    var word = ""
    var literal = String(text[...mark])
    for (index, pair) in text[text.index(after: mark)...].split(separator: "&").enumerated() {
      if index > 0 { literal += "&" }
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      if parts.count == 2, parts[1] == Secret.mask {
        word += PlainString.shellQuoted(literal + parts[0] + "=") + "\"${\(variable(for: parts[0]))}\""
        literal = ""
      } else {
        literal += pair
      }
    }
    if !literal.isEmpty { word += PlainString.shellQuoted(literal) }
    return word
  }
}
