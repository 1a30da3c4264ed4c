import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A loopback port that accepts TCP connections and never answers, counting who came.
///
/// Used as the proxy of a run that must send nothing: every request of snowgate, and its proxy
/// check, would connect here first.
final class SilentListener: @unchecked Sendable {
  private let fd: Int32
  let port: Int
  private var accepted: [Int32] = []

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw CheckLocalServerError.noSocket }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int32 in
        guard bind(fd, raw, length) == 0, listen(fd, 16) == 0 else { return -1 }
        return getsockname(fd, raw, &length)
      }
    }
    guard bound == 0 else {
      close(fd)
      throw CheckLocalServerError.noSocket
    }
    self.fd = fd
    port = Int(UInt16(bigEndian: address.sin_port))
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    accepted.forEach { close($0) }
    close(fd)
  }

  /// How many connections have arrived so far (the kernel queues them even unaccepted).
  func connections() -> Int {
    while true {
      let client = accept(fd, nil, nil)
      guard client >= 0 else { break }
      accepted.append(client)
    }
    return accepted.count
  }
}
