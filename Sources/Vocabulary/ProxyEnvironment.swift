import Platform

/// The one reader of the proxy variables: which proxy a request to a URL goes through.
///
/// Follows curl's rules, and `CurlTransport` is given its answer explicitly (CURLOPT_PROXY),
/// so what a check reports and what a request does cannot differ: for https `https_proxy`,
/// then `HTTPS_PROXY`, `all_proxy`, `ALL_PROXY`; for http only lower-case `http_proxy` (curl
/// ignores HTTP_PROXY), then the same two. Lower case wins when both cases are set.
/// `no_proxy` (then `NO_PROXY`) lists hosts or domain suffixes, optionally with `:port`, that
/// bypass it; `*` bypasses all.
public struct ProxyEnvironment: Sendable, Equatable {
  public var variables: [String: String]

  public init(_ variables: [String: String] = ProcessInfo.processInfo.environment) {
    self.variables = variables
  }

  /// The variables that name a proxy for a scheme, in curl's order of preference.
  public static func variables(for scheme: String) -> [String] {
    scheme.lowercased() == "http"
      ? ["http_proxy", "all_proxy", "ALL_PROXY"]
      : ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
  }

  /// The variable that names the proxy for `scheme`, and its value, or nil when none is set.
  public func chosen(scheme: String) -> (variable: String, value: String)? {
    for name in Self.variables(for: scheme) {
      if let value = value(name) {
        return (name, value)
      }
    }
    return nil
  }

  /// The NO_PROXY entry that sends `host:port` around the proxy, if one matches.
  public func bypassEntry(host: String, port: Int) -> String? {
    guard let list = value("no_proxy") ?? value("NO_PROXY") else { return nil }
    return Self.noProxyMatch(host: host, port: port, noProxy: list)
  }

  /// The proxy URL text that applies to `url`, or nil for a direct connection.
  public func proxy(for url: URL) -> String? {
    guard let host = url.host?.lowercased() else { return nil }
    let scheme = url.scheme?.lowercased() ?? "https"
    guard let proxy = chosen(scheme: scheme)?.value else { return nil }
    let port = url.port ?? (scheme == "http" ? 80 : 443)
    return bypassEntry(host: Self.unbracketed(host), port: port) == nil ? proxy : nil
  }

  /// The host of the proxy that applies to `url`, for messages (never its credentials).
  public func proxyHost(for url: URL) -> String? {
    guard let proxy = proxy(for: url) else { return nil }
    let withScheme = proxy.contains("://") ? proxy : "http://\(proxy)"
    guard let parsed = URL(string: withScheme), let host = parsed.host else { return "the proxy" }
    return parsed.port.map { "\(host):\($0)" } ?? host
  }

  /// The NO_PROXY entry that matches `host`, following libcurl: `*` matches everything, an
  /// entry matches the host itself and every name below it (a leading `.` or `*.` is ignored),
  /// and an entry with `:port` matches only that port. CIDR ranges are not understood.
  public static func noProxyMatch(host: String, port: Int, noProxy: String) -> String? {
    let host = host.lowercased()
    for raw in noProxy.split(separator: ",") {
      let entry = PlainString.trimmed(raw).lowercased()
      if entry.isEmpty { continue }
      if entry == "*" { return entry }
      var name = entry
      if name.hasPrefix("*.") {
        name.removeFirst(2)
      } else if name.hasPrefix(".") {
        name.removeFirst()
      }
      if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
        let rest = name[name.index(after: close)...]
        if rest.hasPrefix(":"), Int(rest.dropFirst()) != port { continue }
        name = String(name[name.index(after: name.startIndex)..<close])
      } else if name.filter({ $0 == ":" }).count == 1, let colon = name.firstIndex(of: ":") {
        if Int(name[name.index(after: colon)...]) != port { continue }
        name = String(name[..<colon])
      }
      if name.isEmpty { continue }
      if host == name || host.hasSuffix("." + name) { return entry }
    }
    return nil
  }

  private static func unbracketed(_ host: String) -> String {
    host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
  }

  private func value(_ name: String) -> String? {
    guard let value = variables[name].map { PlainString.trimmed($0) }, !value.isEmpty else {
      return nil
    }
    return value
  }
}
