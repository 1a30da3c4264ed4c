import Foundation
import Vocabulary

/// The error body every Table API failure carries:
/// `{"error":{"message":…,"detail":…},"status":"failure"}`.
///
/// Its presence (the structure) is what marks an answer as coming from the API; the message
/// wording differs between releases, so it is shown to people but only used as a hint.
public struct ErrorEnvelope: Sendable, Equatable {
  public var message: String
  public var detail: String?

  public init(message: String, detail: String?) {
    self.message = message
    self.detail = detail
  }

  /// The envelope in `body`, or nil when the body is not one.
  public static func parse(_ body: Data) -> ErrorEnvelope? {
    guard let object = BoundedJSON.object(body),
      let error = object["error"] as? [String: Any]
    else { return nil }
    let message = (error["message"] as? String) ?? ""
    let detail = error["detail"] as? String
    guard !message.isEmpty || detail != nil || (object["status"] as? String) == "failure" else {
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
}
