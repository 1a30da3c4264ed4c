import Dispatch
import Platform

/// A small HTTP/1.1 server on 127.0.0.1: one thread accepts, one thread serves each connection.
///
/// A thread per connection keeps a slow or hostile client from blocking anyone else; the connection
/// cap, the request limits and the idle timeout keep threads and memory bounded.
final class HTTPServer: Sendable {
  /// The limits the server enforces on every connection.
  struct Limits: Sendable {
    var maxConnections: Int
    var maxHeaderBytes: Int
    var maxBodyBytes: Int
    var idleTimeout: Double
    var maxRequestsPerConnection = 1000
  }

  private struct State {
    var listenFD: Int32 = -1
    var port: UInt16 = 0
    var stopping = false
    var connections: Set<Int32> = []
  }

  private let limits: Limits
  private let handler: @Sendable (HTTPRequest) -> SimulatedResponse
  private let state = Locked(State())
  private let acceptFinished = DispatchSemaphore(value: 0)

  init(limits: Limits, handler: @escaping @Sendable (HTTPRequest) -> SimulatedResponse) {
    self.limits = limits
    self.handler = handler
  }

  /// The bound port, 0 before `start`.
  var port: UInt16 { state.withLock { $0.port } }

  /// Connections being served right now.
  var openConnections: Int { state.withLock { $0.connections.count } }

  /// Binds 127.0.0.1:`port` (0 picks a free port), starts accepting, and returns the bound port.
  func start(port requested: UInt16) throws -> UInt16 {
    #if os(Linux)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw SimulatorServerError.cannotListen(port: requested, reason: Self.errnoText()) }
    var one: Int32 = 1
    _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = requested.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 512) == 0 else {
      let reason = Self.errnoText()
      close(fd)
      throw SimulatorServerError.cannotListen(port: requested, reason: reason)
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    let boundPort = UInt16(bigEndian: actual.sin_port)
    // Non-blocking, so a client that resets between poll and accept cannot stall the accept thread.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    state.withLock {
      $0.listenFD = fd
      $0.port = boundPort
      $0.stopping = false
    }
    DetachedThread.start(stackSize: 512 * 1024) { [self] in acceptLoop(fd) }
    return boundPort
  }

  /// Stops accepting, ends every open connection, and waits for the accept thread to finish.
  func stop() {
    let wasRunning = state.withLock { current -> Bool in
      guard current.listenFD >= 0, !current.stopping else { return false }
      current.stopping = true
      shutdown(current.listenFD, Int32(SHUT_RDWR))
      for fd in current.connections { shutdown(fd, Int32(SHUT_RDWR)) }
      return true
    }
    if wasRunning { acceptFinished.wait() }
  }

  private var isStopping: Bool { state.withLock { $0.stopping } }

  private func acceptLoop(_ listenFD: Int32) {
    defer {
      state.withLock {
        close($0.listenFD)
        $0.listenFD = -1
      }
      acceptFinished.signal()
    }
    while !isStopping {
      guard SocketIO.waitReadable(listenFD, milliseconds: 100) else { continue }
      let fd = accept(listenFD, nil, nil)
      guard fd >= 0 else { continue }
      let admitted = state.withLock { current -> Bool in
        guard !current.stopping, current.connections.count < limits.maxConnections else { return false }
        current.connections.insert(fd)
        return true
      }
      guard admitted else {
        SocketIO.setTimeouts(fd, seconds: 1)
        SocketIO.writeAll(
          fd, SimulatedResponse.plain(503, "Too many connections").serialized(keepAlive: false)[...])
        close(fd)
        continue
      }
      DetachedThread.start(stackSize: 512 * 1024) { [self] in serve(fd) }
    }
  }

  private func serve(_ fd: Int32) {
    defer {
      state.withLock {
        $0.connections.remove(fd)
        close(fd)
      }
    }
    SocketIO.setTimeouts(fd, seconds: max(1, limits.idleTimeout))
    var reader = HTTPRequestReader(
      fd: fd, maxHeaderBytes: limits.maxHeaderBytes, maxBodyBytes: limits.maxBodyBytes,
      idleTimeout: limits.idleTimeout, isStopping: { [self] in isStopping })
    for served in 1...limits.maxRequestsPerConnection {
      switch reader.next() {
      case .closed:
        return
      case .rejected(let response):
        SocketIO.writeAll(fd, response.serialized(keepAlive: false)[...])
        return
      case .request(let request):
        let response = handler(request)
        let keepAlive =
          request.wantsKeepAlive && !response.closeConnection && response.delivery == .normal
          && served < limits.maxRequestsPerConnection && !isStopping
        let headOnly = request.method == "HEAD"
        guard deliver(response, keepAlive: keepAlive, headOnly: headOnly, to: fd), keepAlive else { return }
      }
    }
  }

  /// Sends an answer the way its scenario asks; false when the connection must end.
  private func deliver(_ response: SimulatedResponse, keepAlive: Bool, headOnly: Bool, to fd: Int32) -> Bool {
    let bytes = response.serialized(keepAlive: keepAlive, headOnly: headOnly)
    switch response.delivery {
    case .normal:
      return SocketIO.writeAll(fd, bytes[...])
    case .delayed(let seconds):
      guard pause(seconds) else { return false }
      return SocketIO.writeAll(fd, bytes[...])
    case .drip(let interval):
      for index in bytes.indices {
        guard SocketIO.writeAll(fd, bytes[index...index]) else { return false }
        if index < bytes.count - 1, !pause(interval) { return false }
      }
      return true
    case .drop:
      let headLength = headOnly ? bytes.count : bytes.count - response.body.count
      SocketIO.writeAll(fd, bytes[0..<(headLength + (headOnly ? 0 : response.body.count / 2))])
      return false
    }
  }

  /// Sleeps in short steps so `stop()` is never held up by a slow scenario; false when stopping.
  private func pause(_ seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if isStopping { return false }
      let step = min(0.05, max(0, deadline.timeIntervalSinceNow))
      usleep(useconds_t(step * 1_000_000))
    }
    return !isStopping
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}
