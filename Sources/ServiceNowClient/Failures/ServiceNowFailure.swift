import Vocabulary

/// A failure explained for a person: a stable code, what happened and why, and what to do.
///
/// Never carries a raw URLError or a secret. `detail` holds the specifics of this occurrence
/// (the host, libcurl's sentence, the instance's own error message, Retry-After), so the
/// summary and remedies can stay the same catalogue text everywhere.
public struct ServiceNowFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// The stable code, e.g. `oauth.access_denied` (see `FailureCode`).
  public var code: String
  /// One or two plain sentences: what happened and why it probably happened.
  public var summary: String
  /// What to do, most likely fix first.
  public var remedies: [String]
  /// The specifics of this occurrence, safe to show (no secrets).
  public var detail: String?
  /// On a TLS failure, the certificates the server presented, leaf first (empty otherwise):
  /// `detail` says them in words, and `check --json` and the bundle give them as fields.
  public var presentedChain: [PresentedCertificate] = []

  public init(code: String, summary: String, remedies: [String], detail: String? = nil) {
    self.code = code
    self.summary = summary
    self.remedies = remedies
    self.detail = detail
  }

  /// The catalogue's wording for `code`, with this occurrence's detail.
  public init(_ code: FailureCode, detail: String? = nil) {
    self = FailureCatalog.failure(code, detail: detail)
  }

  /// The code as the enum, when it is one snowgate knows.
  public var knownCode: FailureCode? {
    FailureCode(rawValue: code)
  }

  public var description: String {
    var lines = ["\(code): \(summary)"]
    if let detail {
      lines.append("  (\(detail))")
    }
    lines += remedies.map { "  - \($0)" }
    return lines.joined(separator: "\n")
  }
}
