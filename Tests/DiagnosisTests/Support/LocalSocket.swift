import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Real local network conditions for the network layers: a listener, a closed port, and a
/// listener whose backlog is full so that a new connection hangs like a host that drops packets.
final class LocalSocket: @unchecked Sendable {
  let port: Int
  private var fds: [Int32] = []

  /// A socket listening on 127.0.0.1 with `backlog`; the kernel completes connections for it
  /// without accept() until the backlog is full.
  convenience init(backlog: Int32 = 16) throws {
    try self.init(listening: backlog)
  }

  /// Binds to a free port of 127.0.0.1 and listens with `backlog`, or only binds when nil.
  private init(listening backlog: Int32?) throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, backlog.map({ listen(fd, $0) == 0 }) ?? true else {
      Glibc.close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    fds.append(fd)
  }

  /// A port on 127.0.0.1 where nothing listens: bound but not listening, so a connect() is
  /// refused, and held so that no test running in parallel can be given the same port.
  static func closedPort() throws -> LocalSocket {
    try LocalSocket(listening: nil)
  }

  /// A listener that never accepts, with listen(fd, 0) and its one backlog slot taken: on
  /// Linux a further SYN is dropped, so a new connect() hangs until its deadline.
  static func fullBacklog() throws -> LocalSocket {
    let socket = try LocalSocket(backlog: 0)
    try socket.fillBacklog()
    return socket
  }

  /// Connects clients until one hangs; keeps them open so the queue stays full.
  private func fillBacklog() throws {
    for _ in 0..<4 {
      let client = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      fds.append(client)
      _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      address.sin_port = UInt16(port).bigEndian
      _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          Glibc.connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      var poller = pollfd(fd: client, events: Int16(POLLOUT), revents: 0)
      if poll(&poller, 1, 200) == 0 { return }
    }
  }

  func close() {
    for fd in fds { _ = Glibc.close(fd) }
    fds = []
  }

  deinit { close() }
}
