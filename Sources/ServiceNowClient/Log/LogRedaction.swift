import Platform
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
    return ["password", "passwd", "secret", "token", "verifier", "apikey"].contains(where: lower.contains)
  }

  /// Header names whose values are masked.
  public static let sensitiveHeaders: Set<String> = [
    "authorization", "proxy-authorization", "cookie", "set-cookie", "x-usertoken", "x-mfa_token",
    "x-sn-apikey",
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
    if let value = BoundedJSON.parse(data, fragmentsAllowed: true), value.members != nil || value.array != nil
    {
      return truncate(maskJSON(value).serialized(sortedKeys: true), limit: limit)
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
    // The last rule (long opaque strings) is only for text without structure: in a parsed
    // answer it would hide every sys_id.
    var scalars = TokenShapes.maskJWTs(TokenShapes.maskSecretNamedValues(Array(text.unicodeScalars)))
    if opaque { scalars = TokenShapes.maskOpaqueStrings(scalars) }
    return TokenShapes.string(scalars)
  }

  /// Replaces every occurrence of a known secret value (4 characters or more) with the mask.
  public static func scrub(_ text: String, secrets: [String]) -> String {
    secrets.reduce(text) { partial, secret in
      secret.count >= 4 ? partial.replacing(secret, with: Secret.mask) : partial
    }
  }

  /// A parsed answer with the values of sensitive keys masked (a `null` stays) and tokens quoted
  /// in its strings masked; a name given twice keeps its last value, as `JSONSerialization` did.
  private static func maskJSON(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object:
      let members = value.dictionary ?? [:]
      return .object(
        members.map { key, inner in
          (key, isSensitive(key) && !inner.isNull ? .string(Secret.mask) : maskJSON(inner))
        })
    case .array(let items):
      return .array(items.map(maskJSON))
    case .string(let text):
      // A token quoted inside a message ("your token eyJ…", "access_token=…").
      return .string(maskTokenShapes(text, opaque: false))
    default:
      return value
    }
  }

  private static let cookieAttributes: Set<String> = [
    "path", "domain", "expires", "max-age", "samesite", "secure", "httponly",
  ]

  /// A cookie header with every `name=value` value masked but those of the attributes: what
  /// `([A-Za-z0-9_.\-]+)=([^;,]*)` matches, value by value.
  private static func cookies(_ value: String) -> String {
    let text = Array(value.unicodeScalars)
    let mask = Secret.mask.unicodeScalars
    var out = String.UnicodeScalarView()
    var index = 0
    while index < text.count {
      let nameEnd = TokenShapes.runEnd(from: index, in: text, of: isCookieNameScalar)
      guard nameEnd > index, nameEnd < text.count, text[nameEnd] == "=" else {
        // No match can start inside this name either: each would end where it ends.
        let next = max(nameEnd, index + 1)
        out.append(contentsOf: text[index..<next])
        index = next
        continue
      }
      let valueEnd = TokenShapes.runEnd(from: nameEnd + 1, in: text) { $0 != ";" && $0 != "," }
      out.append(contentsOf: text[index...nameEnd])
      let name = String(String.UnicodeScalarView(text[index..<nameEnd]))
      if cookieAttributes.contains(name.lowercased()) {
        out.append(contentsOf: text[(nameEnd + 1)..<valueEnd])
      } else {
        out.append(contentsOf: mask)
      }
      index = valueEnd
    }
    return String(out)
  }

  private static func isCookieNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    TokenShapes.isASCIIAlphanumeric(scalar) || scalar == "_" || scalar == "." || scalar == "-"
  }

  private static func truncate(_ text: String, limit: Int) -> String {
    text.count > limit ? String(text.prefix(limit)) + "… (\(text.count - limit) more characters)" : text
  }
}
