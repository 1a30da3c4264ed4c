import Platform
import Vocabulary

/// JSON encoding and strict decoding of the store's two files.
///
/// Decoding failures become `ProfileStoreError.unreadable` with a sentence that names what is
/// wrong and where, so the user can fix the file by hand.
enum StoreCoding {
  private struct VersionProbe: Decodable {
    var version: Int?
  }

  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }

  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    // What `.iso8601` accepts, with the form the encoder writes read by arithmetic first:
    // `.iso8601` sets up a Gregorian calendar and the time zone database, about a tenth of
    // `snowgate token`'s start-up when it only reads a cached token.
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      if let date = utcTimestamp(text) ?? (try? Date.ISO8601FormatStyle().parse(text)) {
        return date
      }
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "Expected date string to be ISO8601-formatted.")
    }
    return decoder
  }

  /// `2026-01-31T12:00:00Z` (what the encoder writes) as a date, nil for any other form.
  static func utcTimestamp(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
      bytes[16] == 0x3A, bytes[19] == 0x5A
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard (0x30...0x39).contains(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      (1...12).contains(month), hour < 24, minute < 60, second < 60
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...lengths[month - 1]).contains(day) else { return nil }
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
  }

  static func encode<T: Encodable>(_ value: T, path: String) throws -> Data {
    do {
      var data = try encoder().encode(value)
      data.append(0x0A)
      return data
    } catch {
      throw ProfileStoreError.fileSystem(path: path, action: "encode", reason: "\(error)")
    }
  }

  /// Decodes a versioned file, refusing unknown versions before looking at anything else.
  static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
    // A file nested without end would exhaust the decoder's stack; no real one nests 10 levels.
    guard BoundedJSON.within(data) else {
      throw ProfileStoreError.unreadable(
        path: path,
        problem: "it nests deeper than \(BoundedJSON.maximumDepth) levels, which no snowgate file does.")
    }
    let probe: VersionProbe
    do {
      probe = try decoder().decode(VersionProbe.self, from: data)
    } catch {
      throw ProfileStoreError.unreadable(path: path, problem: describe(error))
    }
    guard let version = probe.version else {
      throw ProfileStoreError.unreadable(path: path, problem: "it has no \"version\" field.")
    }
    guard version == Config.currentVersion else {
      throw ProfileStoreError.unreadable(
        path: path,
        problem: "it has format version \(version), but this snowgate reads only version "
          + "\(Config.currentVersion) (it was probably written by another release of snowgate).")
    }
    do {
      return try decoder().decode(T.self, from: data)
    } catch {
      throw ProfileStoreError.unreadable(path: path, problem: describe(error))
    }
  }

  /// A sentence for a decoding failure; never quotes values from the file (they may be secrets).
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "it is not valid JSON." }
    switch error {
    case .typeMismatch(let type, let context):
      if context.codingPath.isEmpty { return "it is not a JSON object." }
      return "\(place(context.codingPath)) should be \(typeName(type))."
    case .valueNotFound(let type, let context):
      return "\(place(context.codingPath)) is missing or null; it should be \(typeName(type))."
    case .keyNotFound(let key, let context):
      let owner = context.codingPath.isEmpty ? "the top level" : place(context.codingPath)
      return "\(owner) has no \"\(key.stringValue)\" field."
    case .dataCorrupted(let context):
      let detail = PlainString.trimmed(context.debugDescription, where: { $0 == "." || $0 == " " })
      if context.codingPath.isEmpty {
        return detail.contains("not valid JSON") ? "it is not valid JSON." : "a value is wrong: \(detail)."
      }
      return "\(place(context.codingPath)) is wrong: \(detail)."
    @unknown default:
      return "it is not in the expected format."
    }
  }

  private static func place(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return "the value at \(text)"
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type, is URL.Type, is Secret.Type: "a string"
    case is Int.Type, is Double.Type: "a number"
    case is Bool.Type: "true or false"
    case is Date.Type: "a date like 2026-01-31T12:00:00Z"
    default:
      String(describing: type).contains("Array") ? "a list" : "an object"
    }
  }
}
