import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real transport: URLSession with an ephemeral session, no cookies, no redirects, and a
/// deadline that holds.
///
/// On Linux URLSession ignores `timeoutIntervalForResource` and never times out a server that
/// drips a byte a second, so every call races a timer and the data task is cancelled when
/// the deadline passes. Cookies are neither stored nor sent: each call stands alone, like the
/// curl commands a support bundle shows. Answers are assembled by `SessionDelegate`, which also
/// works around FoundationNetworking never finishing a 401 with `WWW-Authenticate`.
///
/// Share one transport for the whole run (`shared`): on Linux, URLSession spins a core while the
/// first request on a new connection waits, but not on a reused keep-alive connection
/// (bench/urlsession-cpu.md), so later calls to the same instance wait for free.
public final class URLSessionTransport: Transport, Sendable {
  /// The transport every client uses unless given another: one session, connections reused.
  public static let shared = URLSessionTransport()

  private let session: URLSession
  private let delegate: SessionDelegate

  public init() {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.urlCache = nil
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.httpMaximumConnectionsPerHost = 4
    let delegate = SessionDelegate()
    self.delegate = delegate
    session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
  }

  deinit {
    session.invalidateAndCancel()
  }

  public func send(_ request: URLRequest, deadline: Duration) async throws -> HTTPResponse {
    let seconds = Self.seconds(deadline)
    var request = request
    // libcurl's own timer stays out of the way; ours decides (and is not rounded down).
    request.timeoutInterval = seconds + 5
    let start = ContinuousClock.now
    let call = PendingCall()
    let session = self.session
    let delegate = self.delegate
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        call.start(continuation)
        let task = session.dataTask(with: request)
        let url = request.url
        let timer = DispatchWorkItem {
          call.expire { await Self.explainDeadline(deadline, url: url) }
        }
        if call.attach(task: task, timer: timer) {
          delegate.track(task, call: call, start: start)
          DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
          task.resume()
        }
      }
    } onCancel: {
      call.finish(.failure(CancellationError()))
    }
  }

  /// Whether the host accepts a TCP connection now (at most 1 s to find out), so a silent
  /// host is told from a stalled server; skipped when a proxy carries the connection.
  private static func explainDeadline(_ deadline: Duration, url: URL?) async -> DeadlineExceeded {
    guard let url, let host = url.host, ProxyEnvironment().proxy(for: url) == nil else {
      return DeadlineExceeded(deadline: deadline)
    }
    let port = url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
    let check = await TCPConnectCheck.connect(host: host, port: port, timeout: min(deadline, .seconds(1)))
    switch check {
    case .success:
      return DeadlineExceeded(deadline: deadline, connected: true)
    case .failure(let failure) where failure.code == FailureCode.tcpTimeout.rawValue:
      return DeadlineExceeded(deadline: deadline, connected: false)
    case .failure:
      return DeadlineExceeded(deadline: deadline)
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return max(0, Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
  }
}
