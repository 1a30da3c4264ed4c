/// Thrown when an answer's headers or decoded body passed the transport's limit.
///
/// API and token answers are small; a server that sends more (an endless body, a gzip bomb,
/// a megabyte of headers) is cut off here, long before memory runs out.
public struct ResponseTooLarge: Error, Sendable, Equatable {
  /// Which part went over: the headers or the body.
  public enum Part: String, Sendable {
    case headers
    case body
  }

  public var part: Part
  /// The limit, in bytes.
  public var limit: Int

  public init(part: Part, limit: Int) {
    self.part = part
    self.limit = limit
  }
}
