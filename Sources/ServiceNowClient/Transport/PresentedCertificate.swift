import Foundation

/// One certificate the server presented during a TLS handshake, as a person needs to see it
/// to recognise an SSL-inspection proxy or an expired certificate.
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
  static func readableName(_ oneline: String) -> String {
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

  private static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}
