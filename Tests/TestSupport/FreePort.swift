import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A loopback TCP port that was free a moment ago, for a test that must name a port before its
/// listener opens it (a redirect URL registered with the simulator first).
///
/// The kernel picks it (bind to port 0), so it is never one a running server holds, unlike a
/// random number, which clashed with busy ports under a full parallel run.
public enum FreePort {
  /// The port number; falls back to a random high port if no socket can be made.
  public static func pick() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return Int.random(in: 20_000..<60_000) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { return Int.random(in: 20_000..<60_000) }
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { return Int.random(in: 20_000..<60_000) }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
