/// A check's request timings in whole milliseconds, as the JSON report and the check line show
/// them: how long after the request started DNS, connect, TLS and the first byte were done.
///
/// Cumulative like libcurl's: `connect_ms` includes `dns_ms`. A phase that did not happen
/// (TLS over http, a connect that never finished) is left out.
public struct CheckTimings: Sendable, Equatable, Codable {
  public var dnsMilliseconds: Int?
  public var connectMilliseconds: Int?
  public var tlsMilliseconds: Int?
  public var firstByteMilliseconds: Int?
  public var totalMilliseconds: Int

  public init(
    dnsMilliseconds: Int? = nil, connectMilliseconds: Int? = nil, tlsMilliseconds: Int? = nil,
    firstByteMilliseconds: Int? = nil, totalMilliseconds: Int
  ) {
    self.dnsMilliseconds = dnsMilliseconds
    self.connectMilliseconds = connectMilliseconds
    self.tlsMilliseconds = tlsMilliseconds
    self.firstByteMilliseconds = firstByteMilliseconds
    self.totalMilliseconds = totalMilliseconds
  }

  enum CodingKeys: String, CodingKey {
    case dnsMilliseconds = "dns_ms"
    case connectMilliseconds = "connect_ms"
    case tlsMilliseconds = "tls_ms"
    case firstByteMilliseconds = "first_byte_ms"
    case totalMilliseconds = "total_ms"
  }

  /// The phases that happened, in order, as JSON keys and values.
  public var fields: [(String, Int)] {
    let all: [(CodingKeys, Int?)] = [
      (.dnsMilliseconds, dnsMilliseconds), (.connectMilliseconds, connectMilliseconds),
      (.tlsMilliseconds, tlsMilliseconds), (.firstByteMilliseconds, firstByteMilliseconds),
      (.totalMilliseconds, totalMilliseconds),
    ]
    return all.compactMap { key, value in value.map { (key.rawValue, $0) } }
  }

  /// `dns 1 ms, connect 2 ms, tls 9 ms, first byte 30 ms, total 31 ms` for a check line.
  public var summary: String {
    let names: [String: String] = [
      "dns_ms": "dns", "connect_ms": "connect", "tls_ms": "tls", "first_byte_ms": "first byte",
      "total_ms": "total",
    ]
    return fields.map { "\(names[$0.0] ?? $0.0) \($0.1) ms" }.joined(separator: ", ")
  }
}
