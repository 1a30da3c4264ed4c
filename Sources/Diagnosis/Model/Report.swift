import Vocabulary

/// The whole result of diagnosing one connection: what `snowgate check --json` prints.
///
/// `profile` is nil for a check without a saved profile (`--instance URL`) and is then
/// encoded as `null`; every key is always present so scripts can rely on the shape.
public struct Report: Sendable, Equatable, Codable {
  public var profile: String?
  public var instance: String
  public var auth: AuthKind
  public var ok: Bool
  public var diagnosis: Verdict
  public var checks: [CheckResult]
  public var elapsedMilliseconds: Int

  public init(
    profile: String?, instance: String, auth: AuthKind, diagnosis: Verdict, checks: [CheckResult],
    elapsedMilliseconds: Int
  ) {
    self.profile = profile
    self.instance = instance
    self.auth = auth
    self.ok = diagnosis.code == "ok"
    self.diagnosis = diagnosis
    self.checks = checks
    self.elapsedMilliseconds = elapsedMilliseconds
  }

  enum CodingKeys: String, CodingKey {
    case profile, instance, auth, ok, diagnosis, checks
    case elapsedMilliseconds = "elapsed_ms"
    case schemaVersion = "schema_version"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    profile = try container.decodeIfPresent(String.self, forKey: .profile)
    instance = try container.decode(String.self, forKey: .instance)
    let word = try container.decode(String.self, forKey: .auth)
    guard let kind = AuthKind(word: word) else {
      throw DecodingError.dataCorruptedError(
        forKey: .auth, in: container, debugDescription: "unknown auth \(word)")
    }
    auth = kind
    ok = try container.decode(Bool.self, forKey: .ok)
    diagnosis = try container.decode(Verdict.self, forKey: .diagnosis)
    checks = try container.decode([CheckResult].self, forKey: .checks)
    elapsedMilliseconds = try container.decode(Int.self, forKey: .elapsedMilliseconds)
  }

  /// Encodes `profile` as `null` when absent; key order is JSONEncoder's, so use
  /// `JSONReport.render` where the documented order matters.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(JSONReport.schemaVersion, forKey: .schemaVersion)
    try container.encode(profile, forKey: .profile)
    try container.encode(instance, forKey: .instance)
    try container.encode(auth.word, forKey: .auth)
    try container.encode(ok, forKey: .ok)
    try container.encode(diagnosis, forKey: .diagnosis)
    try container.encode(checks, forKey: .checks)
    try container.encode(elapsedMilliseconds, forKey: .elapsedMilliseconds)
  }

  /// The check that decided the verdict: the first failure, if any.
  public var failingCheck: CheckResult? { checks.first { $0.status == .fail } }
}
