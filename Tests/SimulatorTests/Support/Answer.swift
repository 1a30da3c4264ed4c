import Foundation

/// An HTTP answer as a test sees it: status, headers (case-insensitive lookup) and body.
struct Answer: Sendable {
  var status: Int
  var headers: [String: String]
  var body: Data

  /// The value of a header, whatever its case on the wire.
  func header(_ name: String) -> String? {
    headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// The body as text.
  var text: String { String(decoding: body, as: UTF8.self) }

  /// The body parsed as JSON, for comparisons that ignore key order and spacing.
  var json: NSDictionary? {
    (try? JSONSerialization.jsonObject(with: body)) as? NSDictionary
  }

  /// The `result` array of a Table API list answer.
  var results: [[String: Any]] {
    (json?["result"] as? [[String: Any]]) ?? []
  }
}
