import Foundation
import Vocabulary

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The session's record of every HTTP exchange, redacted as it is recorded.
///
/// Shared by the client calls of one run (a check, a wizard session) and rendered for
/// `--verbose`, support bundles and the log file. A lock-protected class rather than an actor
/// so a synchronous renderer (a screen, a bundle writer) can read it without awaiting.
public final class RequestLog: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [RequestLogEntry] = []
  private var secrets: [String] = []
  private var observers: [@Sendable (RequestLogEntry) -> Void] = []

  public init() {}

  /// Calls `observer` with every exchange as it is recorded (already redacted), so
  /// `SNOWGATE_DEBUG=api` can stream the exchange while a command runs.
  public func observe(_ observer: @escaping @Sendable (RequestLogEntry) -> Void) {
    lock.withLock { observers.append(observer) }
  }

  /// Every exchange so far, oldest first.
  public var entries: [RequestLogEntry] {
    lock.withLock { recorded }
  }

  /// Registers a secret value to be masked wherever it appears from now on.
  public func remember(_ secret: Secret) {
    let value = secret.reveal()
    guard value.count >= 4 else { return }
    lock.withLock {
      if !secrets.contains(value) {
        secrets.append(value)
      }
    }
  }

  /// Records one exchange, masking secrets before it is stored.
  public func record(
    _ request: URLRequest, response: HTTPResponse?, failure: ServiceNowFailure?, elapsed: Duration,
    startedAt: Date
  ) {
    let known = lock.withLock { secrets }
    let scrub = { (text: String) in LogRedaction.scrub(text, secrets: known) }
    let scrubHeaders = { (headers: [String: String]) in
      LogRedaction.headers(headers).mapValues(scrub)
    }
    let requestBody = request.httpBody.map { body -> String in
      let contentType = request.value(forHTTPHeaderField: "Content-Type")?.lowercased() ?? ""
      let text = String(decoding: body, as: UTF8.self)
      return scrub(contentType.contains("form") ? LogRedaction.form(text) : LogRedaction.body(body))
    }
    let isForm = request.value(forHTTPHeaderField: "Content-Type")?.lowercased().contains("form") ?? false
    let fields = request.httpBody.flatMap { body -> [LoggedField]? in
      guard isForm else { return nil }
      return FormEncoding.decode(String(decoding: body, as: UTF8.self)).map { field in
        let masked = LogRedaction.isSensitive(field.name)
        return LoggedField(
          name: field.name, value: masked ? Secret.mask : scrub(field.value), isMasked: masked)
      }
    }
    let parts = elapsed.components
    let milliseconds = Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    let entry = RequestLogEntry(
      startedAt: startedAt, method: request.httpMethod ?? "GET", url: scrub(LogRedaction.url(request.url)),
      requestHeaders: scrubHeaders(request.allHTTPHeaderFields ?? [:]), requestBody: requestBody,
      requestFields: fields, status: response?.status,
      responseHeaders: scrubHeaders(response?.headers ?? [:]),
      responseBody: response.map { scrub(LogRedaction.body($0.body)) }, failureCode: failure?.code,
      failureDetail: failure?.detail.map(scrub), elapsedMilliseconds: milliseconds)
    let watching = lock.withLock {
      recorded.append(entry)
      return observers
    }
    watching.forEach { $0(entry) }
  }

  /// The whole log as text, one block per exchange.
  public func render(includeBodies: Bool = true) -> String {
    entries.map { $0.render(includeBodies: includeBodies) }.joined(separator: "\n\n")
  }
}
