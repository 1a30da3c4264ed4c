import Diagnosis
import Platform

/// One line of an instance-setup check (`check --instance-setup`, `check --for agent-transfer`):
/// what was looked at on the instance, how it stands, and where to click when it is wrong.
///
/// Not a `CheckResult`: those are the layers of a connection (`CheckID`), walked in order and
/// skipped above a failure; these are independent facts about the instance's configuration, each
/// with its own fix, so every one is reported. The status is the diagnosis's `CheckStatus`.
struct SetupCheck: Sendable, Equatable, Encodable {
  /// A stable name scripts can match (`oauth.active`, `plugin.com.glide.awa`).
  var id: String
  var status: CheckStatus
  var title: String
  var detail: String
  /// Where to click (or what to run) when the line is not a pass; nil otherwise.
  var remedy: String?

  init(_ id: String, _ status: CheckStatus, _ title: String, _ detail: String, remedy: String? = nil) {
    self.id = id
    self.status = status
    self.title = title
    self.detail = detail
    self.remedy = status == .pass ? nil : remedy
  }

  enum CodingKeys: String, CodingKey { case id, status, title, detail, remedy }

  /// Every key, `remedy` as null when there is none, so the shape never varies.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(status, forKey: .status)
    try container.encode(title, forKey: .title)
    try container.encode(detail, forKey: .detail)
    try container.encode(remedy, forKey: .remedy)
  }
}
