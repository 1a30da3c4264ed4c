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

  /// Every key, `sys_id` as null for a new record, so the shape never varies.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(table, forKey: .table)
    try container.encode(sysID, forKey: .sysID)
    try container.encode(fields, forKey: .fields)
    try container.encode(summary, forKey: .summary)
  }
}
