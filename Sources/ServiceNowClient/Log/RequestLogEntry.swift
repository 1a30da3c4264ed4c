import Platform

/// One redacted exchange: what was asked, what came back, how long it took.
///
/// Built only through `RequestLog.record`, which masks secrets before the entry exists, so an
/// entry is safe to print, bundle or attach to a ticket.
public struct RequestLogEntry: Sendable, Equatable {
  public var startedAt: Date
  public var method: String
  public var url: String
  public var requestHeaders: [String: String]
  public var requestBody: String?
  /// The form fields of a form request, secrets masked (for the curl command).
  public var requestFields: [LoggedField]?
  /// Nil when no answer came (see `failureCode`).
  public var status: Int?
  public var responseHeaders: [String: String]
  public var responseBody: String?
  public var failureCode: String?
  public var failureDetail: String?
  public var elapsedMilliseconds: Int

  public init(
    startedAt: Date, method: String, url: String, requestHeaders: [String: String], requestBody: String?,
    requestFields: [LoggedField]? = nil, status: Int?, responseHeaders: [String: String],
    responseBody: String?, failureCode: String?,
    failureDetail: String?, elapsedMilliseconds: Int
  ) {
    self.startedAt = startedAt
    self.method = method
    self.url = url
    self.requestHeaders = requestHeaders
    self.requestBody = requestBody
    self.requestFields = requestFields
    self.status = status
    self.responseHeaders = responseHeaders
    self.responseBody = responseBody
    self.failureCode = failureCode
    self.failureDetail = failureDetail
    self.elapsedMilliseconds = elapsedMilliseconds
  }

  /// The curl command that repeats this exchange, secrets as environment variable references.
  public var curlCommand: String {
    CurlCommand.render(self)
  }

  /// The exchange as a few lines of text, curl -v style (`>` sent, `<` received).
  public func render(includeBodies: Bool = true) -> String {
    var lines = ["> \(method) \(url)"]
    for (name, value) in requestHeaders.sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) {
      lines.append("> \(name): \(value)")
    }
    if includeBodies, let requestBody, !requestBody.isEmpty {
      lines.append("> \(requestBody)")
    }
    if let status {
      lines.append("< HTTP \(status) (\(elapsedMilliseconds) ms)")
      for (name, value) in responseHeaders.sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) {
        lines.append("< \(name): \(value)")
      }
      if includeBodies, let responseBody, !responseBody.isEmpty {
        lines.append("< \(responseBody)")
      }
    } else {
      lines.append("< no answer after \(elapsedMilliseconds) ms")
    }
    if let failureCode {
      lines.append("! \(failureCode)" + (failureDetail.map { ": \($0)" } ?? ""))
    }
    return lines.joined(separator: "\n")
  }
}
