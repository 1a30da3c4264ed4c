import Vocabulary

/// The finished result of one check, as the report and the live screen show it.
///
/// `code` is the stable failure or warning code (`tcp.refused`); it is kept for the runner and
/// the screens but is not part of a check's JSON object, whose keys issue 5 fixes.
public struct CheckResult: Sendable, Equatable, Codable {
  public var id: CheckID
  public var status: CheckStatus
  public var title: String
  public var detail: String
  public var remedy: String?
  public var elapsedMilliseconds: Int
  public var code: String?
  /// How long each phase of this check's request took; nil when it made none.
  public var timings: CheckTimings?
  /// The certificates presented in a failed TLS handshake (`presented_chain` in the JSON).
  public var presentedChain: [PresentedCertificate] = []

  public init(
    id: CheckID, status: CheckStatus, title: String? = nil, detail: String, remedy: String? = nil,
    elapsedMilliseconds: Int = 0, code: String? = nil, timings: CheckTimings? = nil
  ) {
    self.id = id
    self.status = status
    self.title = title ?? id.title
    self.detail = detail
    self.remedy = remedy
    self.elapsedMilliseconds = elapsedMilliseconds
    self.code = code
    self.timings = timings
  }

  enum CodingKeys: String, CodingKey {
    case id, status, title, detail, remedy
    case elapsedMilliseconds = "elapsed_ms"
    case timings
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(CheckID.self, forKey: .id)
    status = try container.decode(CheckStatus.self, forKey: .status)
    title = try container.decode(String.self, forKey: .title)
    detail = try container.decode(String.self, forKey: .detail)
    remedy = try container.decodeIfPresent(String.self, forKey: .remedy)
    elapsedMilliseconds = try container.decode(Int.self, forKey: .elapsedMilliseconds)
    timings = try container.decodeIfPresent(CheckTimings.self, forKey: .timings)
    code = nil
  }

  /// Encodes every key, `remedy` as `null` when there is none, so the shape never varies.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(status, forKey: .status)
    try container.encode(title, forKey: .title)
    try container.encode(detail, forKey: .detail)
    try container.encode(remedy, forKey: .remedy)
    try container.encode(elapsedMilliseconds, forKey: .elapsedMilliseconds)
    try container.encode(timings, forKey: .timings)
  }
}
