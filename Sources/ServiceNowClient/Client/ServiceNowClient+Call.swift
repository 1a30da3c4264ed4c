import Foundation
import Vocabulary

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

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
    auth.secrets.forEach(log.remember)
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
    if body != nil {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers {
      request.setValue(value, forHTTPHeaderField: name)
    }
    request.setValue(auth.authorizationHeader, forHTTPHeaderField: "Authorization")
    request.httpBody = body
    return await exchange(request, judge: { ResponseClassifier.tableFailure($0, auth: auth.kind) })
  }
}
