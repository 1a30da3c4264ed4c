import Foundation

/// One change `check --for agent-transfer --fix` would make through the Table API, shown to the
/// person before any is made.
struct SetupChange: Sendable, Equatable, Encodable {
  var table: String
  /// The record to change; nil creates one.
  var sysID: String?
  var fields: [String: String]
  /// The change in words, as the confirmation shows it.
  var summary: String

  enum CodingKeys: String, CodingKey {
    case table, fields, summary
    case sysID = "sys_id"
  }
}
