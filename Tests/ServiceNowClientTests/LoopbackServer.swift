import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny TCP server on 127.0.0.1 for the tests that need real sockets (deadlines, drips, redirects).
///
/// Raw POSIX sockets on a background thread; each connection is handled by `behaviour`.
/// `stop()` closes the listener and every open connection so nothing outlives the test.
final class LoopbackServer: @unchecked Sendable {
  enum Behaviour: Sendable {
    /// Read the request and never answer.
    case silent
    /// Send a status line and headers, then one body byte every `interval`, for `count` bytes.
    case drip(interval: TimeInterval, count: Int)
    /// Wait `delay`, then send `raw` and close.
    case respond(raw: String, delay: TimeInterval)
    /// Answer every request on the connection with `raw` (which must not say `close`), as a
    /// keep-alive server does, until the client closes.
    case keepAlive(raw: String)
  }

  let port: UInt16
  private let listener: Int32
  private let behaviour: Behaviour
  private let lock = NSLock()
  private var connections: [Int32] = []
  private var stopped = false
  private var requests: [String] = []
  private var acceptedCount = 0

  init(_ behaviour: Behaviour) throws {
    self.behaviour = behaviour
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 16) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    listener = fd
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  /// A port on 127.0.0.1 with nothing listening (bound, read, closed).
  static func closedPort() throws -> UInt16 {
    let server = try LoopbackServer(.silent)
    server.stop()
    return server.port
  }

  var url: URL {
    URL(string: "http://127.0.0.1:\(port)")!
  }

  /// The raw requests received so far (request line and headers).
  var received: [String] {
    lock.withLock { requests }
  }

  func stop() {
    // Shut down, never close, what another thread still uses: the accept thread and each
    // connection's thread close their own descriptor when they see the end. A descriptor closed
    // under a thread still reading or sending on it is a number the next test's socket may get,
    // and that thread then ate the start of another server's answer (libcurl: "Received
    // HTTP/0.9 when not allowed", 2 runs in 15 before this). Under the lock, so that a
    // connection's thread (which leaves the list under it before closing) has not closed yet.
    lock.withLock {
      stopped = true
      shutdown(listener, Int32(SHUT_RDWR))
      for fd in connections {
        shutdown(fd, Int32(SHUT_RDWR))
      }
    }
  }

  private func acceptLoop() {
    defer { close(listener) }
    while true {
      let fd = accept(listener, nil, nil)
      if fd < 0 {
        return
      }
      let keep: Bool = lock.withLock {
        if stopped { return false }
        connections.append(fd)
        acceptedCount += 1
        return true
      }
      if !keep {
        close(fd)
        return
      }
      let thread = Thread { [self] in handle(fd) }
      thread.start()
    }
  }

  /// How many connections the server accepted so far.
  var accepted: Int {
    lock.withLock { acceptedCount }
  }

  private func handle(_ fd: Int32) {
    if case .keepAlive(let raw) = behaviour {
      while case let text = readRequest(fd), !text.isEmpty, !isStopped {
        lock.withLock { requests.append(text) }
        send(fd, raw)
      }
      finish(fd)
      return
    }
    let text = readRequest(fd)
    if !text.isEmpty {
      lock.withLock { requests.append(text) }
    }
    switch behaviour {
    case .silent:
      var sink = [UInt8](repeating: 0, count: 1024)
      while read(fd, &sink, sink.count) > 0 {}
    case .drip(let interval, let total):
      send(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(total)\r\n\r\n")
      for _ in 0..<total {
        Thread.sleep(forTimeInterval: interval)
        if !send(fd, "x") || isStopped { break }
      }
    case .respond(let raw, let delay):
      if delay > 0 {
        Thread.sleep(forTimeInterval: delay)
      }
      send(fd, raw)
      shutdown(fd, Int32(SHUT_WR))
      var sink = [UInt8](repeating: 0, count: 1024)
      while read(fd, &sink, sink.count) > 0 {}
    case .keepAlive:
      break
    }
    finish(fd)
  }

  /// The connection's own thread closes it, once it no longer reads or sends on it.
  private func finish(_ fd: Int32) {
    lock.withLock {
      if let index = connections.firstIndex(of: fd) { connections.remove(at: index) }
    }
    close(fd)
  }

  /// Reads one request: the head, then as much body as Content-Length announces.
  private func readRequest(_ fd: Int32) -> String {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 8192)
    while true {
      let count = read(fd, &buffer, buffer.count)
      if count <= 0 {
        break
      }
      received += buffer[0..<count]
      let text = String(decoding: received, as: UTF8.self)
      guard let headEnd = text.range(of: "\r\n\r\n") else { continue }
      let head = text[..<headEnd.lowerBound].lowercased()
      let length =
        head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
      if text[headEnd.upperBound...].utf8.count >= length {
        break
      }
    }
    return String(decoding: received, as: UTF8.self)
  }

  private var isStopped: Bool {
    lock.withLock { stopped }
  }

  @discardableResult
  private func send(_ fd: Int32, _ text: String) -> Bool {
    let bytes = Array(text.utf8)
    // MSG_NOSIGNAL: a client that hung up (our deadline cancelled it) must not SIGPIPE the test process.
    #if canImport(Glibc)
      return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        == bytes.count
    #else
      return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    #endif
  }
}
