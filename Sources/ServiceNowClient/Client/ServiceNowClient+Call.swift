import Platform
import Vocabulary

extension ServiceNowClient {
  /// Whether `url` is on this client's instance (same scheme, host and port), so a sign-in is
  /// never sent to another server: `snowgate api` refuses any other address.
  public func isOnInstance(_ url: URL) -> Bool {
    func port(_ url: URL) -> Int? { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80) }
    return url.scheme?.lowercased() == instance.scheme?.lowercased()
      && url.host?.lowercased() == instance.host?.lowercased() && port(url) == port(instance)
  }

  /// The URL of a path given to `snowgate api`: `table/x` is under `/api/now[/vN]/`, `/x` is
  /// from the root; nil when it is an absolute URL of another server.
  public func apiURL(_ path: String) -> URL? {
    if path.lowercased().hasPrefix("http://") || path.lowercased().hasPrefix("https://") {
      guard let url = URL(string: path), isOnInstance(url) else { return nil }
      return url
    }
    let relative: String
    if path.hasPrefix("/") {
      relative = path
    } else {
      relative = "/api/now" + (apiVersion.map { "/\($0)" } ?? "") + "/" + path
    }
    return URL(string: relative, relativeTo: instance)?.absoluteURL
  }

  /// Sends one request with `auth` to a URL on the instance and returns whatever came back,
  /// logged redacted; a refusal is classified as the Table API's, for the log's verdict.
  public func call(
    _ method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil,
    auth: Credentials
  ) async -> Result<HTTPResponse, ServiceNowFailure> {
    switch auth {
    case .basic(let username, let password): log.rememberPair(username: username, password: password)
    case .bearer(let token): log.remember(token)
    case .apiKey(let key): log.remember(key)
    case .clientCertificate: break
    }
    var request = TransportRequest(
      method: method, url: url, headers: ["Accept": "application/json", "User-Agent": userAgent], body: body)
    if body != nil {
      request.setHeader("Content-Type", "application/json")
    }
    for (name, value) in headers {
      request.setHeader(name, value)
    }
    auth.apply(to: &request)
    let sending = request
    return await SecretScrubber.$current.withValue(log.scrubber) {
      await exchange(sending, judge: { ResponseClassifier.tableFailure($0, auth: auth.kind) })
    }
  }
}
