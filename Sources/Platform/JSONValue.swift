/// A JSON value: what snowgate reads from a server and writes for people and scripts.
///
/// Object members keep their order, so a body written from one reads like a real instance's
/// and a document written with `sortedKeys` is stable. Foundation's `JSONSerialization` gave
/// `Any` (NSNumber, NSDictionary), which every reader then cast; this says what it holds.
/// Read JSON from a server through `BoundedJSON`, which bounds its size and depth.
public indirect enum JSONValue: Sendable, Equatable {
  case string(String)
  /// A number without a fraction or exponent that fits an `Int`.
  case number(Int)
  /// Any other number.
  case decimal(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized(sortedKeys: true) == rhs.serialized(sortedKeys: true)
  }

  /// A string, or `null` when there is none.
  public init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }

  /// A number, or `null` when there is none.
  public init(_ number: Int?) { self = number.map(JSONValue.number) ?? .null }

  /// An array of strings.
  public init(_ texts: [String]) { self = .array(texts.map(JSONValue.string)) }

  // MARK: Reading

  /// The text, when this is a string.
  public var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number as an `Int`, when this is a number with no fraction that fits one.
  public var int: Int? {
    switch self {
    case .number(let number): return number
    case .decimal(let number):
      guard number == number.rounded(), abs(number) < 9.2e18 else { return nil }
      return Int(number)
    default: return nil
    }
  }

  /// The number as a `Double`, when this is a number.
  public var double: Double? {
    switch self {
    case .number(let number): return Double(number)
    case .decimal(let number): return number
    default: return nil
    }
  }

  /// The flag, when this is `true` or `false`.
  public var bool: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// The items, when this is an array.
  public var array: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The members in their order, when this is an object.
  public var members: [(String, JSONValue)]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The members by name, when this is an object (a repeated name: the last one, as
  /// `JSONSerialization` kept).
  public var dictionary: [String: JSONValue]? {
    guard case .object(let members) = self else { return nil }
    return Dictionary(members, uniquingKeysWith: { _, last in last })
  }

  /// The member named `key`, when this is an object that has one (the last of that name).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last(where: { $0.0 == key })?.1
  }

  /// Whether this is `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  // MARK: Writing

  /// The compact JSON text of this value, members in their order, `/` escaped.
  public var serialized: String { serialized() }

  /// The UTF-8 bytes of `serialized`, ready for an HTTP body.
  public var bytes: [UInt8] { Array(serialized.utf8) }

  /// The JSON text as `JSONSerialization` wrote it with the matching options: `sortedKeys`
  /// orders members by name; `pretty` puts each item on its own line, indented by two spaces,
  /// with `" : "` after a name; `escapingSlashes` writes `/` as `\/`.
  public func serialized(sortedKeys: Bool = false, pretty: Bool = false, escapingSlashes: Bool = true)
    -> String
  {
    var writer = Writer(sortedKeys: sortedKeys, pretty: pretty, escapingSlashes: escapingSlashes)
    writer.write(self, depth: 0)
    return writer.out
  }

  private struct Writer {
    let sortedKeys: Bool
    let pretty: Bool
    let escapingSlashes: Bool
    var out = ""

    mutating func write(_ value: JSONValue, depth: Int) {
      switch value {
      case .string(let text): writeString(text)
      case .number(let number): out += String(number)
      case .decimal(let number): writeDecimal(number)
      case .bool(let flag): out += flag ? "true" : "false"
      case .null: out += "null"
      case .array(let items):
        out += "["
        for (index, item) in items.enumerated() {
          if index > 0 { out += "," }
          newline(depth + 1)
          write(item, depth: depth + 1)
        }
        // JSONSerialization writes an empty one over two lines when pretty ("[", "", "]").
        if items.isEmpty, pretty { out += "\n" }
        newline(depth)
        out += "]"
      case .object(let members):
        out += "{"
        let ordered = sortedKeys ? members.sorted { KeyOrder.ascending($0.0, $1.0) } : members
        for (index, member) in ordered.enumerated() {
          if index > 0 { out += "," }
          newline(depth + 1)
          writeString(member.0)
          out += pretty ? " : " : ":"
          write(member.1, depth: depth + 1)
        }
        // JSONSerialization writes an empty one over two lines when pretty ("[", "", "]").
        if members.isEmpty, pretty { out += "\n" }
        newline(depth)
        out += "}"
      }
    }

    mutating func newline(_ depth: Int) {
      guard pretty else { return }
      out += "\n" + String(repeating: "  ", count: depth)
    }

    mutating func writeDecimal(_ number: Double) {
      if number == number.rounded(), abs(number) < 1e15 {
        out += String(Int(number))
      } else {
        out += number.isFinite ? String(number) : "null"
      }
    }

    mutating func writeString(_ text: String) {
      out += "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "/": out += escapingSlashes ? "\\/" : "/"
        default:
          if scalar.value < 0x20 {
            out += "\\u" + PlainString.hex(scalar.value, digits: 4)
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      out += "\""
    }
  }

  // MARK: Parsing

  /// Parses JSON text (RFC 8259), nesting at most `maximumDepth` arrays and objects; nil when
  /// it is not JSON, nests deeper or has anything but white space after the value. With
  /// `fragmentsAllowed` false the top level must be an array or an object.
  public static func parse(
    _ bytes: some Collection<UInt8>, maximumDepth: Int = 64, fragmentsAllowed: Bool = false
  ) -> JSONValue? {
    let array = Array(bytes)
    return array.withUnsafeBufferPointer { buffer -> JSONValue? in
      var parser = Parser(bytes: buffer, maximumDepth: maximumDepth)
      parser.skipSpace()
      guard let value = parser.value(depth: 0) else { return nil }
      parser.skipSpace()
      guard parser.index == buffer.count else { return nil }
      if !fragmentsAllowed {
        switch value {
        case .array, .object: break
        default: return nil
        }
      }
      return value
    }
  }

  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
      self.bytes = bytes
      self.maximumDepth = maximumDepth
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
      while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count else { return nil }
      for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
      index += count
      return value
    }

    mutating func value(depth: Int) -> JSONValue? {
      guard let byte = current else { return nil }
      switch byte {
      case UInt8(ascii: "{"): return object(depth: depth + 1)
      case UInt8(ascii: "["): return array(depth: depth + 1)
      case UInt8(ascii: "\""): return string().map(JSONValue.string)
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      default: return number()
      }
    }

    mutating func object(depth: Int) -> JSONValue? {
      guard depth <= maximumDepth else { return nil }
      index += 1
      var members: [(String, JSONValue)] = []
      skipSpace()
      if current == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard current == UInt8(ascii: "\""), let name = string() else { return nil }
        skipSpace()
        guard current == UInt8(ascii: ":") else { return nil }
        index += 1
        skipSpace()
        guard let member = value(depth: depth) else { return nil }
        members.append((name, member))
        skipSpace()
        switch current {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "}"):
          index += 1
          return .object(members)
        default: return nil
        }
      }
    }

    mutating func array(depth: Int) -> JSONValue? {
      guard depth <= maximumDepth else { return nil }
      index += 1
      var items: [JSONValue] = []
      skipSpace()
      if current == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        skipSpace()
        guard let item = value(depth: depth) else { return nil }
        items.append(item)
        skipSpace()
        switch current {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "]"):
          index += 1
          return .array(items)
        default: return nil
        }
      }
    }

    mutating func number() -> JSONValue? {
      let start = index
      var integral = true
      if current == UInt8(ascii: "-") { index += 1 }
      guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
      if first == UInt8(ascii: "0") {
        index += 1
      } else {
        digits()
      }
      if current == UInt8(ascii: ".") {
        integral = false
        index += 1
        guard digits() > 0 else { return nil }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        integral = false
        index += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { return nil }
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      if integral, let whole = Int(text) { return .number(whole) }
      return Double(text).map(JSONValue.decimal)
    }

    @discardableResult
    mutating func digits() -> Int {
      let start = index
      while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
      return index - start
    }

    /// A string from its opening quote; escapes decoded, a lone surrogate refused.
    mutating func string() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var runStart = index
      func flush(_ parser: Parser, _ scalars: inout String.UnicodeScalarView, from start: Int) {
        guard start < parser.index else { return }
        let run = String(
          decoding: UnsafeBufferPointer(rebasing: parser.bytes[start..<parser.index]), as: UTF8.self)
        scalars.append(contentsOf: run.unicodeScalars)
      }
      while let byte = current {
        switch byte {
        case UInt8(ascii: "\""):
          flush(self, &scalars, from: runStart)
          index += 1
          return String(scalars)
        case UInt8(ascii: "\\"):
          flush(self, &scalars, from: runStart)
          index += 1
          guard let escaped = current else { return nil }
          index += 1
          switch escaped {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{08}")
          case UInt8(ascii: "f"): scalars.append("\u{0C}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            guard let unit = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(unit) {
              guard current == UInt8(ascii: "\\"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "u")
              else { return nil }
              index += 2
              guard let low = hex4(), (0xDC00...0xDFFF).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
              else { return nil }
              scalars.append(scalar)
            } else {
              guard let scalar = Unicode.Scalar(unit) else { return nil }
              scalars.append(scalar)
            }
          default: return nil
          }
          runStart = index
        case 0x00..<0x20:
          return nil
        default:
          index += 1
        }
      }
      return nil
    }

    mutating func hex4() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        let digit: UInt32
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
        value = value << 4 | digit
        index += 1
      }
      return value
    }
  }

  /// The order `JSONSerialization`'s `sortedKeys` gave (ICU's root collation with numeric
  /// digits): white space, then ASCII punctuation in ICU's order, then digit runs by their value,
  /// then letters without regard to case; on a tie lower case before upper case, then the
  /// shorter, then code points. Not modelled: accents sort as their own letters after `z`
  /// (ICU put `é` beside `e`); snowgate's own keys are ASCII.
  enum KeyOrder {
    private static let punctuation: [Unicode.Scalar: Int] = {
      var ranks: [Unicode.Scalar: Int] = [:]
      for (rank, scalar) in "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars.enumerated() {
        ranks[scalar] = rank
      }
      return ranks
    }()

    /// One primary element: a class (0 space, 1 punctuation, 2 digits, 3 letter, 4 other) and a value.
    private static func primary(_ key: String) -> (elements: [(Int, Int)], cases: [Int]) {
      var elements: [(Int, Int)] = []
      var cases: [Int] = []
      var digits: Int?
      for scalar in key.unicodeScalars {
        if ("0"..."9").contains(scalar) {
          let digit = Int(scalar.value - 48)
          digits = min((digits ?? 0) * 10 + digit, Int.max / 20)
          continue
        }
        if let run = digits {
          elements.append((2, run))
          digits = nil
        }
        if scalar.properties.isWhitespace {
          elements.append((0, Int(scalar.value)))
        } else if let rank = punctuation[scalar] {
          elements.append((1, rank))
        } else if ("a"..."z").contains(scalar) {
          elements.append((3, Int(scalar.value)))
          cases.append(0)
        } else if ("A"..."Z").contains(scalar) {
          elements.append((3, Int(scalar.value) + 32))
          cases.append(1)
        } else {
          elements.append((4, Int(scalar.value)))
        }
      }
      if let run = digits { elements.append((2, run)) }
      return (elements, cases)
    }

    static func ascending(_ a: String, _ b: String) -> Bool {
      let (left, right) = (primary(a), primary(b))
      for (x, y) in zip(left.elements, right.elements) where x != y { return x < y }
      if left.elements.count != right.elements.count { return left.elements.count < right.elements.count }
      for (x, y) in zip(left.cases, right.cases) where x != y { return x < y }
      if a.unicodeScalars.count != b.unicodeScalars.count {
        return a.unicodeScalars.count < b.unicodeScalars.count
      }
      return a < b
    }
  }
}
