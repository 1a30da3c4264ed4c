import Platform
import Vocabulary

/// The error body every Table API failure carries:
/// `{"error":{"message":…,"detail":…},"status":"failure"}`.
///
/// Its presence (the structure) is what marks an answer as coming from the API; the message
/// wording differs between releases, so it is shown to people but only used as a hint. Both
/// texts are sanitised when parsed (control characters made visible, secrets masked, length bounded): they come from
/// a server and end up on screens and in JSON.
public struct ErrorEnvelope: Sendable, Equatable {
  public var message: String
  public var detail: String?

  /// Longest message or detail kept; a real one is a sentence.
  public static let textLimit = 500

  public init(message: String, detail: String?) {
    self.message = message
    self.detail = detail
  }

  /// The envelope in `body`, or nil when the body is not one.
  public static func parse(_ body: Data) -> ErrorEnvelope? {
    guard let object = BoundedJSON.object(body),
      let error = object["error"], case .object = error
    else { return nil }
    let message = sanitised(error["message"]?.string ?? "", limit: textLimit)
    let detail = error["detail"]?.string.map { sanitised($0, limit: textLimit) }
    guard !message.isEmpty || detail != nil || object["status"]?.string == "failure" else {
      return nil
    }
    return ErrorEnvelope(message: message, detail: detail)
  }

  /// "message: detail", for the failure's detail line: the instance's words, so scrubbed of
  /// the secrets in play and made terminal-safe (`SecretScrubber.current`).
  public var text: String {
    let scrubber = SecretScrubber.current
    guard let detail, !detail.isEmpty else { return scrubber.clean(message) }
    return scrubber.clean(message.isEmpty ? detail : "\(message): \(detail)")
  }

  /// The instance's `text` on one line, scrubbed of the secrets in play and made terminal-safe
  /// by the one rule for outside text (`SecretScrubber.clean`, `UntrustedText`), cut to `limit`
  /// characters with an ellipsis. Tabs and line breaks become spaces.
  public static func sanitised(_ text: String, limit: Int) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      scalars.append([0x09, 0x0A, 0x0D].contains(scalar.value) ? " " : scalar)
    }
    let clean = PlainString.trimmed(SecretScrubber.current.clean(String(scalars)))
    guard clean.count > limit else { return clean }
    return String(clean.prefix(max(0, limit - 1))) + "…"
  }
}
