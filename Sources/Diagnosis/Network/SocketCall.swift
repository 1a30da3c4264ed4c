#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few socket calls whose Swift spelling differs between Glibc and Darwin.
enum SocketCall {
  /// A TCP socket of `family`.
  static func tcpSocket(family: Int32) -> Int32 {
    #if canImport(Glibc)
      return socket(family, Int32(SOCK_STREAM.rawValue), 0)
    #else
      return socket(family, SOCK_STREAM, 0)
    #endif
  }

  /// connect() with the address given as the raw bytes of a sockaddr.
  static func connect(_ fd: Int32, to address: [UInt8]) -> Int32 {
    address.withUnsafeBytes { raw in
      #if canImport(Glibc)
        Glibc.connect(fd, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
      #else
        Darwin.connect(fd, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
      #endif
    }
  }
}
