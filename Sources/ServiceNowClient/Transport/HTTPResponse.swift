import Platform

/// One HTTP answer as the client needs it: status, headers, body and how long it took.
public struct HTTPResponse: Sendable, Equatable {
  public var status: Int
  /// Header names as received; look them up with `header(_:)`, which ignores case.
  public var headers: [String: String]
  public var body: Data
  public var elapsed: Duration
  /// libcurl's per-phase times of the real request; nil from a scripted transport.
  public var timings: PhaseTimings?

  public init(
    status: Int, headers: [String: String] = [:], body: Data = Data(), elapsed: Duration = .zero,
    timings: PhaseTimings? = nil
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.elapsed = elapsed
    self.timings = timings
  }

  /// A JSON answer, for scripted tests.
  public static func json(
    _ status: Int, _ text: String, headers: [String: String] = [:], elapsed: Duration = .zero
  ) -> HTTPResponse {
    var all = headers
    all["Content-Type"] = all["Content-Type"] ?? "application/json;charset=UTF-8"
    return HTTPResponse(status: status, headers: all, body: Data(utf8Of: text), elapsed: elapsed)
  }

  /// The value of a header, whatever the case of its name.
  public func header(_ name: String) -> String? {
    headers.first { PlainString.equalIgnoringASCIICase($0.key, name) }?.value
  }

  /// The body as text (invalid UTF-8 replaced), for classification and logs.
  public var text: String {
    String(decoding: body, as: UTF8.self)
  }

  /// Whether the server said the body is JSON.
  public var isJSON: Bool {
    header("Content-Type").map { PlainString.contains("json", in: $0.lowercased()) } ?? false
  }
}
