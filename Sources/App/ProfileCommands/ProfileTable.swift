import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// The text `snowgate profiles` prints: one aligned row per profile, then half-finished setups.
///
/// Pure (listing and clock in, text out) so its wording is tested without files or processes.
/// It never sees a secret: `ProfileListing` carries none.
enum ProfileTable {
  /// The whole listing as lines for stdout.
  static func render(
    _ listing: ProfileListing, drafts: [SetupDraft], now: Date,
    certificates: [String: Result<PresentedCertificate, ServiceNowFailure>] = [:]
  ) -> String {
    var lines: [String] = []
    if listing.profiles.isEmpty {
      lines.append("No saved connections yet.")
      lines.append("Set one up with: snowgate setup")
      lines.append("Or try one against a simulated instance first: snowgate demo")
    } else {
      var rows: [[String]] = [["", "NAME", "INSTANCE", "AUTH", "SECRETS", "TOKEN"]]
      for profile in listing.profiles {
        rows.append([
          profile.isDefault ? "*" : "", profile.name, profile.instanceURL.absoluteString,
          profile.authType.displayName, profile.secretStore,
          profile.authType == .certificate
            ? "none (certificate)" : ExpiryText.describe(expiresAt: profile.accessTokenExpiresAt, now: now),
        ])
      }
      lines += align(rows, firstGap: " ")
      lines += refreshWarnings(listing.profiles, now: now)
      lines += certificateLines(listing.profiles, certificates: certificates, now: now)
      lines.append("")
      if listing.profiles.contains(where: \.isDefault) {
        lines.append("* the default profile (change it with: snowgate use NAME)")
      } else {
        lines.append("No default profile; choose one with: snowgate use NAME")
      }
    }
    if !listing.drafts.isEmpty {
      lines.append("")
      lines.append("Half-finished setups (resume one with: snowgate setup NAME):")
      let details = Dictionary(drafts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
      var rows: [[String]] = []
      for name in listing.drafts {
        rows.append([name, details[name]?.instanceURL.absoluteString ?? ""])
      }
      lines += align(rows).map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
  }

  /// Under this many seconds left, a refresh token's expiry is said beside the table (issue 14).
  static let refreshWarning: TimeInterval = 7 * 86_400

  /// A line per profile whose refresh token expires within a week (or has), so a person renews
  /// it before a script breaks; nothing when no expiry is known.
  static func refreshWarnings(_ profiles: [ProfileSummary], now: Date) -> [String] {
    profiles.compactMap { profile in
      guard let expiry = profile.refreshTokenExpiresAt, expiry.timeIntervalSince(now) < refreshWarning else {
        return nil
      }
      let left = expiry.timeIntervalSince(now)
      let when =
        left <= 0
        ? "expired"
        : "expires in "
          + (left >= 86_400 ? "\(Int(left / 86_400)) day(s)" : "\(max(1, Int(left / 3600))) hour(s)")
      return "! \(profile.name): its refresh token \(when); sign in again before scripts break: "
        + "snowgate setup \(profile.name)"
    }
  }

  /// A line per certificate profile: the certificate's subject, issuer and validity as openssl
  /// read them, marked `!` when it has expired or cannot be read.
  static func certificateLines(
    _ profiles: [ProfileSummary], certificates: [String: Result<PresentedCertificate, ServiceNowFailure>],
    now: Date
  ) -> [String] {
    profiles.compactMap { profile in
      guard let read = certificates[profile.name] else { return nil }
      switch read {
      case .failure(let failure):
        return
          "! \(profile.name): its client certificate cannot be read: \(failure.detail ?? failure.summary)"
      case .success(let certificate):
        let expired = certificate.notAfter.map { $0 < now } ?? false
        return (expired ? "! " : "  ") + "\(profile.name): client certificate \(certificate.summary)"
          + (expired ? " (expired: renew it and map the new one on the instance)" : "")
      }
    }
  }

  /// Pads every column but the last to its widest cell, two spaces apart (`firstGap` after the
  /// first column: the profile table's marker column needs only one).
  static func align(_ rows: [[String]], firstGap: String = "  ") -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      var line = ""
      for (index, cell) in row.enumerated() {
        if index == row.count - 1 {
          line += cell
        } else {
          line += PlainString.padded(cell, to: widths[index])
          line += index == 0 ? firstGap : "  "
        }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }
}
