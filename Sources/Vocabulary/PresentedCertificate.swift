import Platform

/// One certificate the server presented during a TLS handshake, as a person needs to see it
/// to recognise an SSL-inspection proxy or an expired certificate.
///
/// In the vocabulary because the transport records it, the failure carries it and the
/// diagnosis prints it (check line, `--json` `presented_chain`, the bundle): one type for all.
public struct PresentedCertificate: Sendable, Equatable {
  public var subject: String
  public var issuer: String
  public var notBefore: Date?
  public var notAfter: Date?

  /// Control characters in the names, which a hostile certificate could aim at a terminal,
  /// become `?`.
  public init(subject: String, issuer: String, notBefore: Date? = nil, notAfter: Date? = nil) {
    self.subject = Self.printable(subject)
    self.issuer = Self.printable(issuer)
    self.notBefore = notBefore
    self.notAfter = notAfter
  }

  /// `subject, issued by issuer, valid 2026-01-01 to 2027-01-01`.
  public var summary: String {
    var text = "\(subject), issued by \(issuer)"
    if let notBefore, let notAfter {
      text += ", valid \(Self.day(notBefore)) to \(Self.day(notAfter))"
    }
    return text
  }

  /// `/CN=proxy/O=Corp` (OpenSSL's one-line form) as `CN=proxy, O=Corp`.
  public static func readableName(_ oneline: String) -> String {
    let text = oneline.hasPrefix("/") ? String(oneline.dropFirst()) : oneline
    // A "/" that starts another `NAME=` (a letter, then letters, digits or dots, then "=").
    var out = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if character == "/", startsAttribute(text[next...]) {
        out += ", "
      } else {
        out.append(character)
      }
      index = next
    }
    return out
  }

  private static func startsAttribute(_ text: Substring) -> Bool {
    guard let first = text.first, first.isASCII, first.isLetter else { return false }
    for character in text.dropFirst() {
      if character == "=" { return true }
      guard character.isASCII, character.isLetter || character.isNumber || character == "." else {
        return false
      }
    }
    return false
  }

  private static func printable(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      scalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
    }
    return String(scalars)
  }

  /// `2026-01-01T00:00:00Z`: a validity bound as the JSON outputs write times (UTC).
  public static func timestamp(_ date: Date) -> String {
    let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let two = { (value: Int?) in PlainString.zeroPadded(value ?? 0, digits: 2) }
    return PlainString.zeroPadded(parts.year ?? 0, digits: 4) + "-" + two(parts.month) + "-" + two(parts.day)
      + "T" + two(parts.hour) + ":" + two(parts.minute) + ":" + two(parts.second) + "Z"
  }

  private static var utc: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    return calendar
  }

  private static func day(_ date: Date) -> String {
    let parts = utc.dateComponents([.year, .month, .day], from: date)
    return PlainString.zeroPadded(parts.year ?? 0, digits: 4) + "-"
      + PlainString.zeroPadded(parts.month ?? 0, digits: 2) + "-"
      + PlainString.zeroPadded(parts.day ?? 0, digits: 2)
  }
}
