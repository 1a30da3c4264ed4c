import Platform
import TextSafety
import Vocabulary

/// The session's record of every HTTP exchange, redacted before anyone can read it.
///
/// Shared by the client calls of one run (a check, a wizard session) and rendered for
/// `--verbose`, support bundles and the log file. A lock-protected class rather than an actor
/// so a synchronous renderer (a screen, a bundle writer) can read it without awaiting.
///
/// Redaction (JSON parsing, regular expressions, every form of every secret) cost a healthy
/// `check` about a sixth of its CPU while most runs never show the log, so an exchange is kept
/// as it was, with the secrets known when it was recorded, and redacted when the log is first
/// read (or at once when someone observes it). Nothing can read an unredacted exchange.
public final class RequestLog: @unchecked Sendable {
  private let lock = Lock()
  private var recorded: [RequestLogEntry] = []
  /// Exchanges not yet redacted, oldest first, each with the scrubber of its time.
  private var pending: [PendingExchange] = []
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
    lock.withLock {
      if !pending.isEmpty {
        recorded += pending.map { $0.redacted() }
        pending = []
      }
      return recorded
    }
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

  /// Records one exchange; its secrets are masked before it can be read.
  public func record(
    _ request: TransportRequest, response: HTTPResponse?, failure: ServiceNowFailure?, elapsed: Duration,
    startedAt: Date
  ) {
    let (exchange, watching) = lock.withLock {
      let exchange = PendingExchange(
        request: request, response: response, failure: failure, elapsed: elapsed, startedAt: startedAt,
        known: known)
      if observers.isEmpty { pending.append(exchange) }
      return (exchange, observers)
    }
    guard !watching.isEmpty else { return }
    // Someone streams the log: redact now, in order with what came before.
    let entry = exchange.redacted()
    lock.withLock {
      recorded += pending.map { $0.redacted() }
      pending = []
      recorded.append(entry)
    }
    watching.forEach { $0(entry) }
  }

  /// A server's headers, secrets masked by name and by value, names and values terminal-safe.
  static func cleanHeaders(_ headers: [String: String], _ clean: (String) -> String) -> [String:
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
