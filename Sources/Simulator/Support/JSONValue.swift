import Foundation

/// A JSON value that keeps the order of object keys, so answers read like a real instance's.
///
/// `JSONSerialization` reorders keys; tests compare parsed JSON, but people read the raw bodies.
indirect enum JSONValue: Sendable, Equatable {
  case string(String)
  case number(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized == rhs.serialized }

  /// The compact JSON text of this value.
  var serialized: String {
    var out = ""
    write(into: &out)
    return out
  }

  /// The UTF-8 bytes of `serialized`, ready for an HTTP body.
  var bytes: [UInt8] { Array(serialized.utf8) }

  private func write(into out: inout String) {
    switch self {
    case .string(let text): JSONValue.writeString(text, into: &out)
    case .number(let number): out += String(number)
    case .bool(let flag): out += flag ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        item.write(into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        JSONValue.writeString(member.0, into: &out)
        out += ":"
        member.1.write(into: &out)
      }
      out += "}"
    }
  }

  private static func writeString(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "/": out += "\\/"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
