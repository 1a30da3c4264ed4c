import Platform

/// One parsed HTTP/1.1 request, as the simulated instance sees it.
struct HTTPRequest: Sendable {
  var method: String
  /// The request target as sent, path and query.
  var target: String
  var version: String
  /// Header fields in arrival order, names as sent.
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  /// The path without the query, percent-decoded.
  var path: String {
    let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return FormEncoding.percentDecoded(raw) ?? String(raw)
  }

  /// The raw query string after `?`, empty when there is none.
  var rawQuery: String {
    guard let mark = target.firstIndex(of: "?") else { return "" }
    return String(target[target.index(after: mark)...])
  }

  /// Decoded query parameters in order.
  var query: [(name: String, value: String)] { FormEncoding.decode(rawQuery) }

  /// The first value of a query parameter.
  func queryValue(_ name: String) -> String? { query.first { $0.0 == name }?.1 }

  /// The first value of a header, matched without regard to case.
  func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }

  /// Whether the client wants the connection kept open after this answer.
  var wantsKeepAlive: Bool {
    let connection = header("Connection")?.lowercased() ?? ""
    if version == "HTTP/1.0" { return connection.contains("keep-alive") }
    return !connection.contains("close")
  }

  /// The body decoded as a form, when it is `application/x-www-form-urlencoded`.
  var form: [(name: String, value: String)]? {
    guard let type = header("Content-Type")?.lowercased(),
      type.hasPrefix("application/x-www-form-urlencoded")
    else { return nil }
    return FormEncoding.decode(String(decoding: body, as: UTF8.self))
  }
}
