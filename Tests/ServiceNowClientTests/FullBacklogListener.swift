import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A listening socket on 127.0.0.1 that never accepts and whose backlog is full, so the
/// kernel drops new SYNs: a connection attempt hangs exactly like one to a firewalled host.
final class FullBacklogListener: @unchecked Sendable {
  let port: UInt16
  private var descriptors: [Int32] = []

  init() throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listener, 0) == 0 else {
      close(listener)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    descriptors.append(listener)
    // Fill the accept queue (backlog 0 holds one); extra attempts just wait in SYN_SENT.
    for _ in 0..<3 {
      let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      _ = fcntl(filler, F_SETFL, fcntl(filler, F_GETFL) | O_NONBLOCK)
      _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      descriptors.append(filler)
    }
    Thread.sleep(forTimeInterval: 0.05)
  }

  var url: URL {
    URL(string: "http://127.0.0.1:\(port)")!
  }

  func stop() {
    for fd in descriptors {
      close(fd)
    }
    descriptors = []
  }
}
