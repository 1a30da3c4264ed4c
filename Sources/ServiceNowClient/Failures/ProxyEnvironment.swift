import Foundation

/// Which proxy libcurl will use for a URL, read from the same environment variables it reads.
///
/// Needed to tell a dead proxy from a dead instance: both arrive as the same URLError.
/// As observed with FoundationNetworking: HTTPS_PROXY, https_proxy, ALL_PROXY and all_proxy
/// are honoured for https; only lower-case http_proxy for http (curl ignores HTTP_PROXY);
/// NO_PROXY/no_proxy lists hosts or domain suffixes that bypass it, `*` bypasses all.
public struct ProxyEnvironment: Sendable, Equatable {
  public var variables: [String: String]

  public init(_ variables: [String: String] = ProcessInfo.processInfo.environment) {
    self.variables = variables
  }

  /// The proxy URL text that applies to `url`, or nil for a direct connection.
  public func proxy(for url: URL) -> String? {
    guard let host = url.host?.lowercased() else { return nil }
    let names =
      url.scheme?.lowercased() == "http"
      ? ["http_proxy", "ALL_PROXY", "all_proxy"] : ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
    guard let proxy = names.lazy.compactMap({ self.value($0) }).first else { return nil }
    return bypasses(host) ? nil : proxy
  }

  /// The host of the proxy that applies to `url`, for messages (never its credentials).
  public func proxyHost(for url: URL) -> String? {
    guard let proxy = proxy(for: url) else { return nil }
    let withScheme = proxy.contains("://") ? proxy : "http://\(proxy)"
    guard let parsed = URL(string: withScheme), let host = parsed.host else { return "the proxy" }
    return parsed.port.map { "\(host):\($0)" } ?? host
  }

  private func value(_ name: String) -> String? {
    guard let value = variables[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
      return nil
    }
    return value
  }

  private func bypasses(_ host: String) -> Bool {
    guard let list = value("NO_PROXY") ?? value("no_proxy") else { return false }
    for raw in list.split(separator: ",") {
      var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
      if entry == "*" {
        return true
      }
      if let colon = entry.lastIndex(of: ":"), !entry.hasPrefix("[") {
        entry = String(entry[..<colon])
      }
      while entry.hasPrefix(".") {
        entry.removeFirst()
      }
      if entry.isEmpty {
        continue
      }
      if host == entry || host.hasSuffix("." + entry) {
        return true
      }
    }
    return false
  }
}
