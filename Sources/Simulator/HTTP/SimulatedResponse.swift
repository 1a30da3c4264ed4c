import Platform

/// One answer the simulated instance sends, plus how the server delivers it (scenarios slow,
/// drip and drop). Not the client's `HTTPResponse` (an answer received and classified).
struct SimulatedResponse: Sendable {
  /// How the bytes go out: at once, after a wait, a byte at a time, or cut off halfway.
  enum Delivery: Sendable, Equatable {
    case normal
    case delayed(seconds: Double)
    case drip(interval: Double)
    case drop
  }

  var status: Int
  var headers: [(name: String, value: String)]
  var body: [UInt8]
  var delivery: Delivery = .normal
  /// Close the connection after this answer even if the client asked to keep it.
  var closeConnection = false

  init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// The first value of a header, matched without regard to case.
  func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }

  /// The status line, headers (with Content-Length and Connection) and body as wire bytes.
  ///
  /// An answer to HEAD keeps its Content-Length but sends no body, as RFC 9110 §9.3.2 asks.
  func serialized(keepAlive: Bool, headOnly: Bool = false) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(SimulatedResponse.reason(for: status))\r\n"
    for field in headers { head += "\(field.name): \(field.value)\r\n" }
    head += "Content-Length: \(body.count)\r\n"
    head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
    return Array(head.utf8) + (headOnly ? [] : body)
  }

  /// A minimal answer for requests the parser rejects before any instance logic runs.
  static func plain(_ status: Int, _ text: String) -> SimulatedResponse {
    var response = SimulatedResponse(
      status: status, headers: [("Content-Type", "text/plain;charset=UTF-8")], body: Array((text + "\n").utf8)
    )
    response.closeConnection = true
    return response
  }

  static func reason(for status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 201: return "Created"
    case 204: return "No Content"
    case 302: return "Found"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 408: return "Request Timeout"
    case 411: return "Length Required"
    case 413: return "Payload Too Large"
    case 429: return "Too Many Requests"
    case 431: return "Request Header Fields Too Large"
    case 500: return "Internal Server Error"
    case 501: return "Not Implemented"
    case 503: return "Service Unavailable"
    default: return "Status \(status)"
    }
  }
}
