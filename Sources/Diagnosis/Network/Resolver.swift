import Platform

/// Resolves a host name with the system resolver, giving up waiting at a deadline.
///
/// getaddrinfo cannot be cancelled, so it runs on its own thread and the caller simply stops
/// waiting when the deadline passes; the thread ends whenever the resolver gives up.
public enum Resolver {
  /// How a resolution ended.
  public enum Outcome: Sendable, Equatable {
    case addresses([ResolvedAddress])
    /// The name does not exist (EAI_NONAME, or no address of a usable family).
    case notFound
    /// The resolver could not answer now (EAI_AGAIN: no DNS server reachable, SERVFAIL).
    case temporaryFailure(String)
    /// Any other resolver error, with the system's text.
    case failed(String)
    case timedOut
  }

  /// Resolves `host` for a TCP connection to `port`; IPv4 and IPv6, in the system's order.
  ///
  /// An address literal (`127.0.0.1`, `::1`) has nothing to resolve: it is read here at once,
  /// without the resolver's thread, as curl does.
  public static func resolve(host: String, port: Int, timeout: Double) async -> Outcome {
    if isAddressLiteral(host) { return lookup(host: host, port: port, numeric: true) }
    let answer = await Deadline.onThread(seconds: timeout) { lookup(host: host, port: port) }
    return answer ?? .timedOut
  }

  /// Whether `host` is an IPv4 or IPv6 address as written, not a name.
  static func isAddressLiteral(_ host: String) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 16)
    return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
  }

  /// The blocking call itself; `numeric` for an address literal, which never asks a resolver.
  static func lookup(host: String, port: Int, numeric: Bool = false) -> Outcome {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
      hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #else
      hints.ai_socktype = SOCK_STREAM
    #endif
    hints.ai_flags = numeric ? AI_NUMERICHOST | AI_NUMERICSERV : AI_ADDRCONFIG
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &list)
    defer { if let list { freeaddrinfo(list) } }
    guard status == 0 else {
      let text = String(cString: gai_strerror(status))
      switch status {
      case EAI_NONAME: return .notFound
      case EAI_AGAIN: return .temporaryFailure(text)
      default:
        #if canImport(Glibc)
          // glibc hides EAI_NODATA (-5) and EAI_ADDRFAMILY (-9) behind _GNU_SOURCE.
          if status == -5 || status == -9 { return .notFound }
        #endif
        return .failed(text)
      }
    }
    var addresses: [ResolvedAddress] = []
    var cursor = list
    while let entry = cursor {
      defer { cursor = entry.pointee.ai_next }
      let family = entry.pointee.ai_family
      guard family == AF_INET || family == AF_INET6, let sockaddr = entry.pointee.ai_addr else { continue }
      let bytes = [UInt8](
        UnsafeRawBufferPointer(start: UnsafeRawPointer(sockaddr), count: Int(entry.pointee.ai_addrlen)))
      var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
      let named = getnameinfo(
        sockaddr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST)
      let text =
        named == 0
        ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
      let address = ResolvedAddress(family: family, socketAddress: bytes, text: text)
      if !addresses.contains(address) { addresses.append(address) }
    }
    return addresses.isEmpty ? .notFound : .addresses(addresses)
  }
}
