import Platform

/// One address a name resolved to, ready for `connect()`.
public struct ResolvedAddress: Sendable, Equatable, CustomStringConvertible {
  /// `AF_INET` or `AF_INET6`.
  public var family: Int32
  /// The raw `sockaddr_in`/`sockaddr_in6` bytes, port included.
  public var socketAddress: [UInt8]
  /// The numeric address, e.g. `127.0.0.1` or `::1`.
  public var text: String

  public init(family: Int32, socketAddress: [UInt8], text: String) {
    self.family = family
    self.socketAddress = socketAddress
    self.text = text
  }

  public var description: String { text }

  /// `address:port` as a person writes it, with brackets around IPv6.
  public func withPort(_ port: Int) -> String {
    family == AF_INET6 ? "[\(text)]:\(port)" : "\(text):\(port)"
  }
}
