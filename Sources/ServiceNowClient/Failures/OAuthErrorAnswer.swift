import Platform
import Vocabulary

/// The error body of the token endpoint: `{"error":…,"error_description":…}` (RFC 6749 §5.2).
///
/// ServiceNow puts its catch-all refusal the other way round (`error` = `server_error`,
/// `error_description` = `access_denied`), so both fields are read.
public struct OAuthErrorAnswer: Sendable, Equatable {
  public var error: String
  public var description: String?

  public init(error: String, description: String?) {
    self.error = error
    self.description = description
  }

  /// The error answer in `body`, or nil when the body is not one.
  public static func parse(_ body: Data) -> OAuthErrorAnswer? {
    guard let object = BoundedJSON.object(body),
      let error = object["error"]?.string
    else { return nil }
    // Server text shown on screens and in JSON: no control characters, bounded.
    return OAuthErrorAnswer(
      error: ErrorEnvelope.sanitised(error, limit: ErrorEnvelope.textLimit),
      description: object["error_description"]?.string.map {
        ErrorEnvelope.sanitised($0, limit: ErrorEnvelope.textLimit)
      })
  }

  /// Whether either field carries `code`.
  public func mentions(_ code: String) -> Bool {
    error.lowercased() == code || description?.lowercased() == code
  }

  /// "error: description", for the failure's detail line: the instance's words, so scrubbed of
  /// the secrets in play and made terminal-safe (`SecretScrubber.current`).
  public var text: String {
    let scrubber = SecretScrubber.current
    guard let description, !description.isEmpty else { return scrubber.clean(error) }
    return scrubber.clean("\(error): \(description)")
  }
}
