import Platform

/// One HTTP request as snowgate sends it: method, URL, headers, body and how to connect.
///
/// Our own value rather than URLRequest so the program does not link FoundationNetworking
/// (half of its start-up) and so per-request TLS and proxy choices travel with the request.
public struct TransportRequest: Sendable, Equatable {
  public var method: String
  public var url: URL
  /// Header names as given; look them up with `header(_:)`, which ignores case.
  public var headers: [String: String]
  public var body: Data?
  public var options: TransportOptions

  public init(
    method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil,
    options: TransportOptions = TransportOptions()
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.options = options
  }

  /// The value of a header, whatever the case of its name.
  public func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.key.lowercased() == wanted }?.value
  }

  /// Sets a header, replacing one of the same name in any case.
  public mutating func setHeader(_ name: String, _ value: String) {
    let wanted = name.lowercased()
    for key in headers.keys where key.lowercased() == wanted {
      headers.removeValue(forKey: key)
    }
    headers[name] = value
  }
}
