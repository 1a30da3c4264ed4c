// Measures the CPU the process burns while one URLSession request waits 3 s for its answer.
// Build and run: swiftc -O bench/urlsession-cpu.swift -o /tmp/urlsession-cpu && /tmp/urlsession-cpu
// A loopback server (a thread in this process, asleep while holding) answers after HOLD seconds;
// getrusage(RUSAGE_SELF) before and after each request gives user+system CPU seconds.
import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#endif

let hold: Double = Double(ProcessInfo.processInfo.environment["HOLD"] ?? "3") ?? 3

func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
    + Double(usage.ru_stime.tv_usec) / 1e6
}

/// A server on 127.0.0.1 that answers every request after `hold` seconds
/// (keepAlive: answers each request on a connection and keeps it open).
func startServer(keepAlive: Bool = false) -> UInt16 {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  var yes: Int32 = 1
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  _ = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
  }
  listen(fd, 16)
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
  }
  Thread {
    while true {
      let client = accept(fd, nil, nil)
      if client < 0 { return }
      Thread {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(client, &buffer, buffer.count) > 0 {
          Thread.sleep(forTimeInterval: hold)
          let connection = keepAlive ? "keep-alive" : "close"
          let answer = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: \(connection)\r\n\r\nok".utf8)
          _ = answer.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
          if !keepAlive { break }
        }
        close(client)
      }.start()
    }
  }.start()
  return UInt16(bigEndian: address.sin_port)
}

final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) { completionHandler(nil) }
}

func measure(_ name: String, _ body: () async throws -> Void) async {
  let wallStart = Date()
  let cpuStart = cpuSeconds()
  do { try await body() } catch { print("\(name): error \(error)") }
  let cpu = cpuSeconds() - cpuStart
  let wall = Date().timeIntervalSince(wallStart)
  let label = name.padding(toLength: 58, withPad: " ", startingAt: 0)
  print(label + String(format: " wall %.2f s  cpu %.3f s  (%.0f%% of one core)", wall, cpu, 100 * cpu / wall))
}

let port = startServer()
let url = URL(string: "http://127.0.0.1:\(port)/")!

// Idle baseline: the same wait with no request in flight.
await measure("idle baseline (Task.sleep)") { try await Task.sleep(for: .seconds(hold)) }

await measure("URLSession.shared data(for:)") { _ = try await URLSession.shared.data(from: url) }

let defaultSession = URLSession(configuration: .default)
await measure("default config, async data(for:)") { _ = try await defaultSession.data(from: url) }

let ephemeral = URLSessionConfiguration.ephemeral
ephemeral.httpCookieStorage = nil
ephemeral.urlCache = nil
let snowgateLike = URLSession(configuration: ephemeral, delegate: NoRedirects(), delegateQueue: nil)
await measure("ephemeral + redirect delegate, completion handler") {
  try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
    snowgateLike.dataTask(with: url) { _, _, error in
      if let error { continuation.resume(throwing: error) } else { continuation.resume() }
    }.resume()
  }
}

var shortTimeout = URLRequest(url: url)
shortTimeout.timeoutInterval = hold + 5
await measure("ephemeral + delegate, request timeoutInterval = hold + 5") {
  try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
    snowgateLike.dataTask(with: shortTimeout) { _, _, error in
      if let error { continuation.resume(throwing: error) } else { continuation.resume() }
    }.resume()
  }
}

var longTimeout = URLRequest(url: url)
longTimeout.timeoutInterval = 3600
await measure("ephemeral + delegate, request timeoutInterval = 3600") {
  try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
    snowgateLike.dataTask(with: longTimeout) { _, _, error in
      if let error { continuation.resume(throwing: error) } else { continuation.resume() }
    }.resume()
  }
}

// A second request on a kept-alive connection: libcurl unregistered the socket after the first
// answer, so the new registration is read-only and no stale write source is left behind.
let keepAlivePort = startServer(keepAlive: true)
let keepAliveURL = URL(string: "http://127.0.0.1:\(keepAlivePort)/")!
let reuse = URLSession(configuration: ephemeral, delegate: NoRedirects(), delegateQueue: nil)
await measure("keep-alive server, first request (new connection)") {
  _ = try await reuse.data(from: keepAliveURL)
}
await measure("keep-alive server, second request (reused connection)") {
  _ = try await reuse.data(from: keepAliveURL)
}
