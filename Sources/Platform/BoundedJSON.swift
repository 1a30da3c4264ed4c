/// JSON from a server, parsed only within bounds: a size and a nesting depth.
///
/// A hostile or broken server can send `[[[[…` a million levels deep; a recursive parser then
/// runs out of stack and the process dies instead of saying what is wrong. No ServiceNow answer
/// nests more than a handful of levels, so anything deeper than `maximumDepth` is not parsed at
/// all and is treated like any other answer that is not the expected JSON.
public enum BoundedJSON {
  /// Far above any real answer (the Table API nests 4 levels).
  public static let maximumDepth = 64
  /// Above any answer snowgate asks for (one or a few records, a token).
  public static let maximumBytes = 8 * 1024 * 1024

  /// The parsed value, or nil when it is not JSON or breaks a bound.
  public static func parse(_ data: some Collection<UInt8>, fragmentsAllowed: Bool = false) -> JSONValue? {
    guard data.count <= maximumBytes else { return nil }
    return JSONValue.parse(data, maximumDepth: maximumDepth, fragmentsAllowed: fragmentsAllowed)
  }

  /// The parsed object, when the data is a JSON object within the bounds.
  public static func object(_ data: some Collection<UInt8>) -> JSONValue? {
    guard let value = parse(data), case .object = value else { return nil }
    return value
  }

  /// Whether `data` is small enough and nests at most `maximumDepth` levels (strings skipped).
  public static func within(_ data: Data, depth limit: Int = maximumDepth) -> Bool {
    guard data.count <= maximumBytes else { return false }
    var depth = 0
    var inString = false
    var escaped = false
    for byte in data {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > limit { return false }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return true
  }
}
