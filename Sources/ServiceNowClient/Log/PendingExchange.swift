import Platform
import TextSafety
import Vocabulary

/// One exchange as it happened, waiting in the `RequestLog` to be redacted when first read.
///
/// Holds the secrets that were known when it was recorded, so a later read masks exactly what
/// an immediate one would have. Internal to the log: only `redacted()` leaves it.
struct PendingExchange: Sendable {
  let request: TransportRequest
  let response: HTTPResponse?
  let failure: ServiceNowFailure?
  let elapsed: Duration
  let startedAt: Date
  let known: SecretScrubber

  /// The exchange with its secrets masked, safe to print, bundle or attach to a ticket.
  func redacted() -> RequestLogEntry {
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
    return RequestLogEntry(
      startedAt: startedAt, method: request.method, url: ours(LogRedaction.url(request.url)),
      requestHeaders: RequestLog.cleanHeaders(request.headers, theirs),
      requestBody: requestBody,
      requestFields: fields, status: response?.status,
      responseHeaders: RequestLog.cleanHeaders(response?.headers ?? [:], theirs),
      responseBody: response.map { known.cleanLines(LogRedaction.body($0.body)) },
      failureCode: failure?.code,
      // The failure's detail was made safe where it was built; the log says what the verdict says.
      failureDetail: failure?.detail, elapsedMilliseconds: milliseconds)
  }
}
