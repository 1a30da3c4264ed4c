import Foundation
import Vocabulary

/// The rules that keep secrets out of the request log, applied before anything is stored.
///
/// Masked: Authorization-like and cookie headers, query and form fields whose names say they
/// are secret (password, secret, token, code, code_verifier, …) and the same keys in JSON answers.
/// Known secret values are also replaced wherever they appear, as a second line of defence.
public enum LogRedaction {
  /// Names of fields and JSON keys whose values are always masked.
  public static func isSensitive(_ name: String) -> Bool {
    let lower = name.lowercased()
    if lower.hasSuffix("_type") || lower.hasSuffix("_expires_in") {
      return false  // token_type, grant_type: names of kinds, not secrets
    }
    if ["code", "state_secret", "assertion", "apikey", "api_key", "authorization"].contains(lower) {
      return true
    }
    return ["password", "passwd", "secret", "token", "verifier"].contains(where: lower.contains)
  }

  /// Header names whose values are masked.
  public static let sensitiveHeaders: Set<String> = [
    "authorization", "proxy-authorization", "cookie", "set-cookie", "x-usertoken", "x-mfa_token",
  ]

  /// The URL with sensitive query values masked (built as text: the mask is not a valid query character).
  public static func url(_ url: URL?) -> String {
    guard let url else { return "(no URL)" }
    let text = url.absoluteString
    guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
      let items = components.queryItems, !items.isEmpty, let mark = text.firstIndex(of: "?")
    else { return text }
    let query = items.map { item in
      let value = isSensitive(item.name) ? Secret.mask : FormEncoding.escape(item.value ?? "")
      return "\(FormEncoding.escape(item.name))=\(value)"
    }.joined(separator: "&")
    let fragment = components.fragment.map { "#\($0)" } ?? ""
    return String(text[..<mark]) + "?" + query + fragment
  }

  /// Headers with secret values masked (an Authorization header keeps its scheme).
  public static func headers(_ headers: [String: String]) -> [String: String] {
    var result: [String: String] = [:]
    for (name, value) in headers {
      let lower = name.lowercased()
      if lower == "authorization" || lower == "proxy-authorization" {
        let scheme = value.split(separator: " ").first.map(String.init) ?? ""
        result[name] = scheme.isEmpty || scheme == value ? Secret.mask : "\(scheme) \(Secret.mask)"
      } else if lower == "cookie" || lower == "set-cookie" {
        result[name] = cookies(value)
      } else if sensitiveHeaders.contains(lower) {
        result[name] = Secret.mask
      } else {
        result[name] = value
      }
    }
    return result
  }

  /// A form body with sensitive field values masked, readable (decoded) for the log.
  public static func form(_ body: String) -> String {
    FormEncoding.decode(body).map { field in
      "\(field.name)=\(isSensitive(field.name) ? Secret.mask : field.value)"
    }.joined(separator: "&")
  }

  /// A response body for the log: JSON with sensitive keys masked, other text cut short.
  public static func body(_ data: Data, limit: Int = 2_000) -> String {
    if let object = BoundedJSON.parse(data, fragmentsAllowed: true),
      object is [String: Any] || object is [Any],
      let masked = try? JSONSerialization.data(
        withJSONObject: maskJSON(object), options: [.sortedKeys, .fragmentsAllowed])
    {
      return truncate(String(decoding: masked, as: UTF8.self), limit: limit)
    }
    // Not JSON snowgate can read (trailing bytes, cut short, a form, an HTML page around JSON):
    // mask whatever looks like a token before the text is cut, so no part of one survives.
    let head = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
    return truncate(maskTokenShapes(head), limit: limit)
  }

  /// Text with token-shaped parts masked: the values of secret-named keys in any syntax
  /// (`"access_token": "…"`, `access_token=…`, `refresh_token: …`), JWTs, and long opaque strings.
  ///
  /// For answers snowgate could not parse, where the structure that normally says which part is
  /// a token is missing. Overmasking an opaque identifier is the price of never logging a token.
  public static func maskTokenShapes(_ text: String, opaque: Bool = true) -> String {
    var out = text
    // The last rule (long opaque strings) is only for text without structure: in a parsed
    // answer it would hide every sys_id.
    for (expression, template) in opaque ? tokenShapes : Array(tokenShapes.dropLast()) {
      out = expression.stringByReplacingMatches(
        in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
    }
    return out
  }

  private static let tokenShapes: [(NSRegularExpression, String)] = [
    (
      #"(?i)((?:access|refresh|id)_?token|token|client_?secret|password|passwd|code_verifier|assertion|code)"#
        + #"((?:\\?["'])?\s*[:=]\s*(?:\\?["'])?)([^"'&,;\s<>{}\\]+)"#,
      "$1$2" + NSRegularExpression.escapedTemplate(for: Secret.mask)
    ),
    (
      #"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*"#,
      NSRegularExpression.escapedTemplate(for: Secret.mask)
    ),
    (
      #"(?<![A-Za-z0-9_\-+/=.~])(?=[A-Za-z0-9_\-+/=.~]*[0-9])(?=[A-Za-z0-9_\-+/=.~]*[A-Za-z])[A-Za-z0-9_\-+/=.~]{32,}"#,
      NSRegularExpression.escapedTemplate(for: Secret.mask)
    ),
  ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

  /// Replaces every occurrence of a known secret value (4 characters or more) with the mask.
  public static func scrub(_ text: String, secrets: [String]) -> String {
    secrets.reduce(text) { partial, secret in
      secret.count >= 4 ? partial.replacingOccurrences(of: secret, with: Secret.mask) : partial
    }
  }

  private static func maskJSON(_ value: Any) -> Any {
    if let object = value as? [String: Any] {
      var masked: [String: Any] = [:]
      for (key, inner) in object {
        masked[key] = isSensitive(key) && !(inner is NSNull) ? Secret.mask : maskJSON(inner)
      }
      return masked
    }
    if let array = value as? [Any] {
      return array.map(maskJSON)
    }
    if let text = value as? String {
      // A token quoted inside a message ("your token eyJ…", "access_token=…").
      return maskTokenShapes(text, opaque: false)
    }
    return value
  }

  private static let cookieAttributes: Set<String> = [
    "path", "domain", "expires", "max-age", "samesite", "secure", "httponly",
  ]

  private static func cookies(_ value: String) -> String {
    let pattern = #"([A-Za-z0-9_.\-]+)=([^;,]*)"#
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return Secret.mask }
    var result = value
    let matches = regex.matches(in: value, range: NSRange(value.startIndex..., in: value))
    for match in matches.reversed() {
      guard let nameRange = Range(match.range(at: 1), in: value),
        let valueRange = Range(match.range(at: 2), in: result)
      else { continue }
      if cookieAttributes.contains(value[nameRange].lowercased()) {
        continue
      }
      result.replaceSubrange(valueRange, with: Secret.mask)
    }
    return result
  }

  private static func truncate(_ text: String, limit: Int) -> String {
    text.count > limit ? String(text.prefix(limit)) + "… (\(text.count - limit) more characters)" : text
  }
}
