import Platform

/// Reads HTTP/1.1 requests from one connection, enforcing the size and time limits.
///
/// Everything a hostile or broken client can send ends in `.rejected` (an answer, then close) or
/// `.closed`; the buffer never grows past the head limit plus the body limit.
struct HTTPRequestReader {
  enum Outcome {
    case request(HTTPRequest)
    case rejected(SimulatedResponse)
    case closed
  }

  let fd: Int32
  let maxHeaderBytes: Int
  let maxBodyBytes: Int
  let idleTimeout: Double
  /// Asked between waits, so a stopping server frees its threads quickly.
  let isStopping: @Sendable () -> Bool
  private var buffer: [UInt8] = []

  init(
    fd: Int32, maxHeaderBytes: Int, maxBodyBytes: Int, idleTimeout: Double,
    isStopping: @escaping @Sendable () -> Bool
  ) {
    self.fd = fd
    self.maxHeaderBytes = maxHeaderBytes
    self.maxBodyBytes = maxBodyBytes
    self.idleTimeout = idleTimeout
    self.isStopping = isStopping
  }

  private static let headTerminator: [UInt8] = [13, 10, 13, 10]

  /// Reads the next request; the whole request must arrive within the idle timeout.
  mutating func next() -> Outcome {
    let deadline = Date().addingTimeInterval(idleTimeout)
    var scanned = 0
    var headEnd: Int?
    while headEnd == nil {
      if let found = Self.find(Self.headTerminator, in: buffer, from: max(0, scanned - 3)) {
        headEnd = found
        break
      }
      scanned = buffer.count
      if buffer.count > maxHeaderBytes {
        return .rejected(.plain(431, "Request header fields too large"))
      }
      switch fill(until: deadline, limit: maxHeaderBytes + 4 - buffer.count) {
      case .data: continue
      case .closed:
        return buffer.isEmpty ? .closed : .rejected(.plain(400, "Incomplete request"))
      case .timedOut:
        return buffer.isEmpty ? .closed : .rejected(.plain(408, "Request timed out"))
      }
    }
    guard let headEnd, headEnd <= maxHeaderBytes else {
      return .rejected(.plain(431, "Request header fields too large"))
    }
    let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
    var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
    // Tolerate blank lines before a request line, as RFC 9112 §2.2 allows.
    while lines.first == "" { lines.removeFirst() }
    guard let requestLine = lines.first else { return .rejected(.plain(400, "Malformed request line")) }
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3,
      !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
      parts[1].hasPrefix("/"), parts[1].allSatisfy({ $0.isASCII && !$0.isWhitespace }),
      parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0"
    else { return .rejected(.plain(400, "Malformed request line")) }

    var headers: [(name: String, value: String)] = []
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { return .rejected(.plain(400, "Malformed header")) }
      let name = String(line[..<colon])
      guard !name.isEmpty, name.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
        return .rejected(.plain(400, "Malformed header"))
      }
      headers.append((name, PlainString.trimmed(line[line.index(after: colon)...])))
    }
    var request = HTTPRequest(
      method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers,
      body: [])
    if request.header("Transfer-Encoding") != nil {
      return .rejected(.plain(411, "Chunked bodies are not supported; send Content-Length"))
    }
    let lengths = headers.filter { $0.name.lowercased() == "content-length" }.map(\.value)
    var bodyLength = 0
    if let first = lengths.first {
      guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.allSatisfy(\.isASCII),
        first.allSatisfy(\.isNumber), let value = Int(first)
      else { return .rejected(.plain(400, "Malformed Content-Length")) }
      bodyLength = value
    }
    if bodyLength > maxBodyBytes { return .rejected(.plain(413, "Request body too large")) }
    let bodyStart = headEnd + 4
    while buffer.count - bodyStart < bodyLength {
      switch fill(until: deadline, limit: bodyLength - (buffer.count - bodyStart)) {
      case .data: continue
      case .closed: return .rejected(.plain(400, "Incomplete request body"))
      case .timedOut: return .rejected(.plain(408, "Request timed out"))
      }
    }
    request.body = Array(buffer[bodyStart..<(bodyStart + bodyLength)])
    buffer.removeFirst(bodyStart + bodyLength)
    return .request(request)
  }

  private enum Fill { case data, closed, timedOut }

  private mutating func fill(until deadline: Date, limit: Int) -> Fill {
    while true {
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 || isStopping() { return .timedOut }
      let slice = Int32(min(remaining, 0.25) * 1000) + 1
      guard SocketIO.waitReadable(fd, milliseconds: slice) else { continue }
      let count = SocketIO.read(fd, into: &buffer, limit: max(1, limit))
      if count > 0 { return .data }
      return .closed
    }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == needle[0], haystack[index + 1] == needle[1], haystack[index + 2] == needle[2],
        haystack[index + 3] == needle[3]
      {
        return index
      }
      index += 1
    }
    return nil
  }
}
