import Foundation

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
    return text.replacingOccurrences(
      of: #"/(?=[A-Za-z][A-Za-z0-9.]*=)"#, with: ", ", options: .regularExpression)
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
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
  }

  private static var utc: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }

  private static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}
