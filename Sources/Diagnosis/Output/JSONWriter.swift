/// A tiny JSON writer that keeps keys in the order they are written.
///
/// Why not JSONEncoder: its key order is not the documented one (sortedKeys would put
/// `auth` before `profile`), and scripts and the README rely on a fixed, readable order.
struct JSONWriter {
  private(set) var text = ""
  private var depth = 0
  private var needsComma = [false]
  let pretty: Bool

  init(pretty: Bool) { self.pretty = pretty }

  mutating func beginObject(key: String? = nil) { open(key: key, bracket: "{") }
  mutating func endObject() { close(bracket: "}") }
  mutating func beginArray(key: String? = nil) { open(key: key, bracket: "[") }
  mutating func endArray() { close(bracket: "]") }

  mutating func string(_ value: String?, key: String? = nil) {
    item(key: key, value.map(Self.quoted) ?? "null")
  }

  mutating func int(_ value: Int, key: String? = nil) { item(key: key, String(value)) }

  mutating func bool(_ value: Bool, key: String? = nil) { item(key: key, value ? "true" : "false") }

  private mutating func open(key: String?, bracket: String) {
    item(key: key, bracket)
    depth += 1
    needsComma.append(false)
  }

  private mutating func close(bracket: String) {
    let hadItems = needsComma.removeLast()
    depth -= 1
    if pretty && hadItems { newline() }
    text += bracket
  }

  private mutating func item(key: String?, _ value: String) {
    if needsComma[needsComma.count - 1] { text += "," }
    needsComma[needsComma.count - 1] = true
    if pretty && depth > 0 { newline() }
    if let key { text += Self.quoted(key) + (pretty ? ": " : ":") }
    text += value
  }

  private mutating func newline() {
    text += "\n" + String(repeating: "  ", count: depth)
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  static func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
