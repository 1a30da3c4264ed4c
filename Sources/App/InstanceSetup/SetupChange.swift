import Platform
import ServiceNowClient
import Vocabulary

/// One change snowgate would make on the instance through the Table API (`check --for
/// agent-transfer --fix`, the wizard's new OAuth client), shown to the person before any is made.
struct SetupChange: Sendable, Equatable, Encodable {
  var table: String
  /// The record to change; nil creates one.
  var sysID: String?
  var fields: [String: String]
  /// The change in words, as the confirmation shows it.
  var summary: String
  /// Fields whose values are secrets (a new client's secret): sent with `fields`, but never
  /// listed, encoded or logged.
  var secrets: [String: Secret] = [:]

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

  /// Makes the change as `access`: the one writer of instance setup. Secret fields are
  /// remembered by the request log first, so its redaction hides them in the logged body.
  func apply(as access: AdminAccess) async -> Result<[String: String], ServiceNowFailure> {
    var body = fields
    for (key, secret) in secrets {
      access.client.log.remember(secret)
      body[key] = secret.reveal()
    }
    return await access.client.writeRecord(table, sysID: sysID, fields: body, auth: access.credentials)
  }
}
