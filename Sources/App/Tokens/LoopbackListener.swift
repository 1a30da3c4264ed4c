import Platform
import ServiceNowClient
import Vocabulary

/// A one-shot HTTP listener on 127.0.0.1 that catches the browser's redirect with the code.
///
/// The authorization code flow ends with the browser sent to `redirect_uri?code=…&state=…`.
/// The listener opens its port at once (so the exact redirect URI can be shown and registered
/// before the browser opens), then `wait` serves requests until one brings a code with the
/// right state, answers the browser with a page saying it can close the tab, and closes.
/// A wrong or missing state is answered with an explanation and the wait goes on: it may be an
/// old tab or a forged request, and the real redirect can still come. POSIX sockets because
/// Foundation has no server API on Linux; the socket is close-on-exec so a browser started
/// meanwhile does not inherit it.
final class LoopbackListener: @unchecked Sendable {
  /// The port actually bound (the free one chosen when 0 was asked).
  let port: UInt16
  /// The callback path, `/callback` unless the redirect URI says otherwise.
  let path: String

  private let lock = Lock()
  private var listeningSocket: Int32
  private var cancelled = false

  /// The redirect URI to send and to register on the OAuth client.
  var redirectURI: String { "http://127.0.0.1:\(port)\(path)" }

  /// Opens 127.0.0.1:`port` (0 picks a free port) for `path`.
  init(port: UInt16 = 0, path: String = "/callback") throws(LoopbackFailure) {
    self.path = path.hasPrefix("/") ? path : "/" + path
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
      if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    #endif
    guard fd >= 0 else {
      throw .cannotListen(port: port, reason: String(cString: strerror(errno)))
    }
    var one: Int32 = 1
    _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 8) == 0 else {
      let reason = errno == EADDRINUSE ? "the port is already in use" : String(cString: strerror(errno))
      close(fd)
      throw .cannotListen(port: port, reason: reason)
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    self.port = UInt16(bigEndian: actual.sin_port)
    self.listeningSocket = fd
  }

  /// A listener for a registered loopback redirect URI such as `http://127.0.0.1:8484/callback`.
  convenience init(redirectURI: String) throws(LoopbackFailure) {
    guard let components = URLComponents(string: redirectURI), components.scheme == "http",
      let host = components.host, ["127.0.0.1", "localhost"].contains(host.lowercased())
    else {
      throw .cannotListen(
        port: 0,
        reason: "the redirect URL \(redirectURI) is not a loopback address (http://127.0.0.1:PORT/PATH)")
    }
    try self.init(port: UInt16(components.port ?? 80), path: components.path.isEmpty ? "/" : components.path)
  }

  deinit {
    if listeningSocket >= 0 { close(listeningSocket) }
  }

  /// Stops a running `wait` within a tenth of a second; it returns `.cancelled`.
  func cancel() {
    lock.withLock { cancelled = true }
  }

  /// Serves the browser until a callback with `expectedState` arrives, the deadline passes or
  /// the wait is cancelled (by `cancel()` or by cancelling the calling task); then closes.
  func wait(expectedState: String, timeout: Duration) async -> Result<AuthorizationCallback, LoopbackFailure>
  {
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        // A thread of its own: the wait blocks in poll() for minutes, which must not hold one
        // of the few threads of Swift's cooperative pool.
        DetachedThread.start(stackSize: 512 * 1024) {
          continuation.resume(returning: self.serve(expectedState, timeout))
        }
      }
    } onCancel: {
      cancel()
    }
  }

  /// A connection whose request head is still arriving.
  private struct Pending {
    var fd: Int32
    var head: [UInt8] = []
    var openedAt: ContinuousClock.Instant
  }

  /// Polls the listening socket and every open connection together, so a browser's idle
  /// preconnection cannot hold up the request that carries the code.
  private func serve(_ expectedState: String, _ timeout: Duration) -> Result<
    AuthorizationCallback, LoopbackFailure
  > {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var refused = 0
    var pending: [Pending] = []
    defer {
      pending.forEach { close($0.fd) }
      shutDown()
    }
    while true {
      let (fd, isCancelled) = lock.withLock { (listeningSocket, cancelled) }
      if isCancelled || fd < 0 { return .failure(.cancelled) }
      let now = clock.now
      let remaining = deadline - now
      if remaining <= .zero {
        return .failure(
          .timedOut(seconds: Int(timeout.components.seconds), redirectURI: redirectURI, refused: refused))
      }
      // A connection that sent no complete request in 10 s is dropped.
      pending.removeAll { connection in
        guard now - connection.openedAt > .seconds(10) else { return false }
        close(connection.fd)
        return true
      }
      let slice = min(remaining, .milliseconds(100))
      let milliseconds = Int32(
        slice.components.seconds * 1000 + slice.components.attoseconds / 1_000_000_000_000_000)
      var entries = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
      entries += pending.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
      guard poll(&entries, nfds_t(entries.count), max(1, milliseconds)) > 0 else { continue }

      var index = pending.count - 1
      while index >= 0 {
        let revents = entries[index + 1].revents
        if revents != 0 {
          switch read(&pending[index]) {
          case .waiting:
            break
          case .closed:
            close(pending[index].fd)
            pending.remove(at: index)
          case .complete(let target):
            let connection = pending.remove(at: index)
            let handled = handle(connection.fd, target: target, expectedState: expectedState)
            close(connection.fd)
            switch handled {
            case .keepWaiting(let wasRefused):
              if wasRefused { refused += 1 }
            case .finished(let result):
              return result
            }
          }
        }
        index -= 1
      }
      if entries[0].revents & Int16(POLLIN) != 0 {
        let client = accept(fd, nil, nil)
        if client >= 0 {
          _ = fcntl(client, F_SETFD, FD_CLOEXEC)
          var timeout = timeval(tv_sec: 5, tv_usec: 0)
          _ = setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
          pending.append(Pending(fd: client, openedAt: clock.now))
        }
      }
    }
  }

  private enum ReadState {
    case waiting
    case closed
    /// The head is complete: the target of a GET, or nil for anything else.
    case complete(String?)
  }

  /// Reads what a connection has sent so far, without blocking.
  private func read(_ connection: inout Pending) -> ReadState {
    var chunk = [UInt8](repeating: 0, count: 4096)
    let count = chunk.withUnsafeMutableBytes {
      recv(connection.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT))
    }
    if count < 0 {
      return errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK ? .waiting : .closed
    }
    guard count > 0 else { return .closed }
    connection.head.append(contentsOf: chunk[0..<count])
    guard Self.endsHead(connection.head) || connection.head.count >= 16 * 1024 else { return .waiting }
    return .complete(Self.requestTarget(connection.head))
  }

  private enum Handled {
    case keepWaiting(refused: Bool)
    case finished(Result<AuthorizationCallback, LoopbackFailure>)
  }

  /// Answers one complete request and says whether the wait is over.
  private func handle(_ client: Int32, target: String?, expectedState: String) -> Handled {
    guard let target else {
      return .keepWaiting(refused: false)
    }
    let components = URLComponents(string: target)
    guard let components, components.path == path else {
      Self.answer(client, status: "404 Not Found", page: LoopbackPages.notFound)
      return .keepWaiting(refused: false)
    }
    let fields = FormEncoding.decode(components.percentEncodedQuery ?? "")
    func value(_ name: String) -> String? {
      fields.last(where: { $0.name == name }).flatMap { $0.value.isEmpty ? nil : $0.value }
    }
    guard let state = value("state"), state == expectedState else {
      Self.answer(
        client, status: "400 Bad Request",
        page: value("state") == nil ? LoopbackPages.missingState : LoopbackPages.wrongState)
      return .keepWaiting(refused: true)
    }
    if let error = value("error") {
      Self.answer(client, status: "200 OK", page: LoopbackPages.denied)
      return .finished(.failure(.denied(error: error, description: value("error_description"))))
    }
    guard let code = value("code") else {
      Self.answer(client, status: "400 Bad Request", page: LoopbackPages.missingCode)
      return .keepWaiting(refused: true)
    }
    Self.answer(client, status: "200 OK", page: LoopbackPages.success)
    return .finished(.success(AuthorizationCallback(code: Secret(code), state: state)))
  }

  private func shutDown() {
    let fd = lock.withLock { () -> Int32 in
      let fd = listeningSocket
      listeningSocket = -1
      return fd
    }
    if fd >= 0 { close(fd) }
  }

  /// The request target of a `GET` request (`/callback?code=…`), or nil for anything else.
  private static func requestTarget(_ head: [UInt8]) -> String? {
    let text = String(decoding: head, as: UTF8.self)
    guard let line = text.split(separator: "\r\n", maxSplits: 1).first ?? text.split(separator: "\n").first
    else { return nil }
    let parts = line.split(separator: " ")
    guard parts.count >= 2, parts[0] == "GET" else { return nil }
    return String(parts[1])
  }

  /// Whether the bytes hold the blank line that ends an HTTP request head.
  private static func endsHead(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 4 else { return false }
    for index in 0...(bytes.count - 4)
    where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
      return true
    }
    return false
  }

  private static func answer(_ client: Int32, status: String, page: String) {
    let body = Array(page.utf8)
    let head =
      "HTTP/1.1 \(status)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
      + "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n"
    let bytes = Array(head.utf8) + body
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { raw -> Int in
        #if os(Linux)
          return send(client, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
        #else
          return send(client, raw.baseAddress, raw.count, 0)
        #endif
      }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
}
