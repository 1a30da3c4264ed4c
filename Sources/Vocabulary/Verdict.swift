/// A classified problem: a stable code for logs and tests, a sentence and what to do about it.
///
/// The client and the diagnosis produce these; the wizard only shows them. In `check --json`
/// it is the `diagnosis` object (the name `Diagnosis` would shadow that module).
public struct Verdict: Equatable, Sendable, Codable {
  /// Stable, dotted, e.g. `dns.not_found`, `tcp.refused`, `tls.untrusted`, `auth.basic_rejected`.
  public var code: String
  /// One sentence: what happened.
  public var summary: String
  /// What to do, most likely fix first, one line each.
  public var remedies: [String]

  public init(code: String, summary: String, remedies: [String] = []) {
    self.code = code
    self.summary = summary
    self.remedies = remedies
  }
}
