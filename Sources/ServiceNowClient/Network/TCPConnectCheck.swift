import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Resolves a host and opens (then closes) a TCP connection to it, with a deadline.
///
/// Gives the diagnosis its own `dns` and `tcp` layers (every address tried, which one
/// accepted), which say more than one request's timings; it tells a host that drops packets
/// (`tcp.timeout`) from a server that never answers (`http.timeout`) before any HTTP is sent.
public enum TCPConnectCheck {
  /// What a successful connection showed.
  public struct Connection: Sendable, Equatable {
    /// Every address the name resolved to, in resolver order.
    public var addresses: [String]
    /// The address that accepted the connection.
    public var connectedAddress: String
    public var elapsed: Duration
  }

  /// Resolves `host` and connects to `port` on the first address that accepts, within `timeout`.
  public static func connect(host: String, port: Int, timeout: Duration) async -> Result<
    Connection, ServiceNowFailure
  > {
    let start = ContinuousClock.now
    return await withCheckedContinuation { continuation in
      let once = Once(continuation)
      let timer = DispatchWorkItem {
        once.resume(
          .failure(
            ServiceNowFailure(
              .tcpTimeout,
              detail:
                "No TCP connection to \(host):\(port) within \(NetworkFailureClassifier.format(timeout)).")))
      }
      DispatchQueue.global().asyncAfter(deadline: .now() + seconds(timeout), execute: timer)
      Thread {
        let result = blockingConnect(host: host, port: port, timeout: timeout, start: start)
        once.resume(result)
      }.start()
    }
  }

  private static func blockingConnect(
    host: String, port: Int, timeout: Duration, start: ContinuousClock.Instant
  )
    -> Result<Connection, ServiceNowFailure>
  {
    let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_family = AF_UNSPEC
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(bareHost, String(port), &hints, &list) == 0, let first = list else {
      return .failure(ServiceNowFailure(.dnsNotFound, detail: "\(host) did not resolve."))
    }
    defer { freeaddrinfo(list) }

    var candidates: [(address: String, info: UnsafeMutablePointer<addrinfo>)] = []
    var cursor: UnsafeMutablePointer<addrinfo>? = first
    while let entry = cursor {
      candidates.append((numericAddress(entry), entry))
      cursor = entry.pointee.ai_next
    }
    let addresses = candidates.map(\.address)
    var refused = false
    for candidate in candidates {
      let remaining = timeout - (ContinuousClock.now - start)
      guard remaining > .zero else { break }
      switch attempt(candidate.info, within: remaining) {
      case .connected:
        return .success(
          Connection(
            addresses: addresses, connectedAddress: candidate.address, elapsed: ContinuousClock.now - start))
      case .refused:
        refused = true
      case .timedOut, .failed:
        continue
      }
    }
    if refused {
      return .failure(ServiceNowFailure(.tcpRefused, detail: "Connection to \(host):\(port) was refused."))
    }
    return .failure(
      ServiceNowFailure(
        .tcpTimeout,
        detail: "No TCP connection to \(host):\(port) within \(NetworkFailureClassifier.format(timeout))."))
  }

  private enum Attempt {
    case connected, refused, timedOut, failed
  }

  private static func attempt(_ info: UnsafeMutablePointer<addrinfo>, within remaining: Duration) -> Attempt {
    let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
    guard fd >= 0 else { return .failed }
    defer { close(fd) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
      return .connected
    }
    guard errno == EINPROGRESS else {
      return errno == ECONNREFUSED ? .refused : .failed
    }
    var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
    let milliseconds = Int32(max(1, min(Double(Int32.max), seconds(remaining) * 1000)))
    let ready = poll(&poller, 1, milliseconds)
    guard ready > 0 else { return .timedOut }
    var error: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
    if error == 0 {
      return .connected
    }
    return error == ECONNREFUSED ? .refused : (error == ETIMEDOUT ? .timedOut : .failed)
  }

  private static func numericAddress(_ info: UnsafeMutablePointer<addrinfo>) -> String {
    var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    let status = getnameinfo(
      info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST)
    guard status == 0 else { return "?" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return max(0, Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
  }

  /// Resumes a continuation once, whichever of the worker and the timer comes first.
  private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<Connection, ServiceNowFailure>, Never>?

    init(_ continuation: CheckedContinuation<Result<Connection, ServiceNowFailure>, Never>) {
      self.continuation = continuation
    }

    func resume(_ result: Result<Connection, ServiceNowFailure>) {
      let taken: CheckedContinuation<Result<Connection, ServiceNowFailure>, Never>? = lock.withLock {
        defer { continuation = nil }
        return continuation
      }
      taken?.resume(returning: result)
    }
  }
}
