import Foundation

/// One certificate the server presented during a TLS handshake, as a person needs to see it
/// to recognise an SSL-inspection proxy or an expired certificate.
public struct PresentedCertificate: Sendable, Equatable {
  public var subject: String
  public var issuer: String
  public var notBefore: Date?
  public var notAfter: Date?

  public init(subject: String, issuer: String, notBefore: Date? = nil, notAfter: Date? = nil) {
    self.subject = subject
    self.issuer = issuer
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

  /// `/CN=proxy/O=Corp` (OpenSSL's one-line form) as `CN=proxy, O=Corp`; control characters,
  /// which a hostile certificate could carry to a terminal, become `?`.
  static func readableName(_ oneline: String) -> String {
    var text = oneline.hasPrefix("/") ? String(oneline.dropFirst()) : oneline
    text = text.replacingOccurrences(
      of: #"/(?=[A-Za-z][A-Za-z0-9.]*=)"#, with: ", ", options: .regularExpression)
    return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
  }

  private static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}
