import Foundation
import TextSafety
import Vocabulary

/// The session's record of every HTTP exchange, redacted as it is recorded.
///
/// Shared by the client calls of one run (a check, a wizard session) and rendered for
/// `--verbose`, support bundles and the log file. A lock-protected class rather than an actor
/// so a synchronous renderer (a screen, a bundle writer) can read it without awaiting.
public final class RequestLog: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [RequestLogEntry] = []
  private var known = SecretScrubber()
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

  /// Registers a secret value to be masked, in every form, in what servers send from now on.
  public func remember(_ secret: Secret) {
    let value = secret.reveal()
    lock.withLock { known.add(value) }
  }

  /// Registers the `user:password` of a Basic header, whose base64 a server may echo.
  ///
  /// A password that is the user name itself (the demo's admin/admin) is not masked alone:
  /// snowgate names the user in its own lines, so masking the server's "admin" hid nothing and
  /// only turned "signed in as admin" into "signed in as ••••••".
  public func rememberPair(username: String, password: Secret) {
    lock.withLock {
      if password.reveal() != username { known.add(password.reveal()) }
      known.addPair("\(username):\(password.reveal())")
    }
  }

  /// The secrets registered so far, for the code that extracts a server's text.
  public var scrubber: SecretScrubber {
    lock.withLock { known }
  }

  /// Records one exchange, masking secrets before it is stored.
  public func record(
    _ request: TransportRequest, response: HTTPResponse?, failure: ServiceNowFailure?, elapsed: Duration,
    startedAt: Date
  ) {
    let known = scrubber
    // What we placed is masked by its structure (Authorization, secret form fields and query
    // values), and header values, which may be built from a secret, are scrubbed as well; what
    // the server sent (headers, body) is scrubbed of every known secret and made terminal-safe.
    let ours = { (text: String) in UntrustedText.visible(text) }
    let theirs = { (text: String) in known.clean(text) }
    let isForm = request.header("Content-Type")?.lowercased().contains("form") ?? false
    let requestBody = request.body.map { body -> String in
      let text = String(decoding: body, as: UTF8.self)
      return known.cleanLines(isForm ? LogRedaction.form(text) : LogRedaction.body(body))
    }
    let fields = request.body.flatMap { body -> [LoggedField]? in
      guard isForm else { return nil }
      return FormEncoding.decode(String(decoding: body, as: UTF8.self)).map { field in
        let masked = LogRedaction.isSensitive(field.name)
        return LoggedField(
          name: field.name, value: masked ? Secret.mask : known.clean(field.value), isMasked: masked)
      }
    }
    let parts = elapsed.components
    let milliseconds = Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    let entry = RequestLogEntry(
      startedAt: startedAt, method: request.method, url: ours(LogRedaction.url(request.url)),
      requestHeaders: Self.cleanHeaders(request.headers, theirs),
      requestBody: requestBody,
      requestFields: fields, status: response?.status,
      responseHeaders: Self.cleanHeaders(response?.headers ?? [:], theirs),
      responseBody: response.map { known.cleanLines(LogRedaction.body($0.body)) },
      failureCode: failure?.code,
      // The failure's detail was made safe where it was built; the log says what the verdict says.
      failureDetail: failure?.detail, elapsedMilliseconds: milliseconds)
    let watching = lock.withLock {
      recorded.append(entry)
      return observers
    }
    watching.forEach { $0(entry) }
  }

  /// A server's headers, secrets masked by name and by value, names and values terminal-safe.
  private static func cleanHeaders(_ headers: [String: String], _ clean: (String) -> String) -> [String:
    String]
  {
    var result: [String: String] = [:]
    for (name, value) in LogRedaction.headers(headers) {
      result[clean(name)] = clean(value)
    }
    return result
  }

  /// The whole log as text, one block per exchange.
  public func render(includeBodies: Bool = true) -> String {
    entries.map { $0.render(includeBodies: includeBodies) }.joined(separator: "\n\n")
  }
}
