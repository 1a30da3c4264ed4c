import Foundation

/// The proxy the HTTP client will use for the instance, read from the environment like libcurl.
///
/// Only `host:port` is ever kept: a proxy URL may carry `user:password@`, and those never reach
/// a report, a log or a support bundle.
public struct ProxySetting: Sendable, Equatable {
  /// The variable it came from, e.g. `HTTPS_PROXY`.
  public var variable: String
  public var host: String
  public var port: Int
  /// The NO_PROXY entry that sends the instance around the proxy, if one matches.
  public var bypassEntry: String?

  public init(variable: String, host: String, port: Int, bypassEntry: String? = nil) {
    self.variable = variable
    self.host = host
    self.port = port
    self.bypassEntry = bypassEntry
  }

  /// `host:port`, with brackets around an IPv6 literal.
  public var display: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

  /// Whether requests to the instance will really go through the proxy.
  public var isUsed: Bool { bypassEntry == nil }

  /// The variables that name a proxy for a scheme, in libcurl's order of preference.
  public static func variables(for scheme: String) -> [String] {
    scheme == "http"
      ? ["http_proxy", "all_proxy", "ALL_PROXY"]
      : ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
  }

  /// Every proxy-related variable name, for the support bundle's list of what is set.
  public static let allVariables = [
    "https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY", "no_proxy",
    "NO_PROXY",
  ]

  /// The proxy for `host` from `environment`: nil when no variable is set, an error when the
  /// value cannot be read as a proxy address.
  public static func lookup(
    environment: [String: String], scheme: String, host: String, port: Int
  ) -> Result<ProxySetting, ProxySettingError>? {
    guard
      let variable = variables(for: scheme).first(where: { !(environment[$0] ?? "").isEmpty }),
      let value = environment[variable]
    else { return nil }
    guard var setting = parse(value, variable: variable) else {
      return .failure(ProxySettingError(variable: variable))
    }
    let noProxy = [environment["no_proxy"], environment["NO_PROXY"]].compactMap { $0 }
      .first { !$0.isEmpty }
    if let noProxy {
      setting.bypassEntry = noProxyMatch(host: host, port: port, noProxy: noProxy)
    }
    return .success(setting)
  }

  /// Reads `[scheme://][user:pass@]host[:port][/]`; the default port is libcurl's 1080.
  static func parse(_ value: String, variable: String) -> ProxySetting? {
    let text = value.trimmingCharacters(in: .whitespaces)
    let withScheme = text.contains("://") ? text : "http://" + text
    guard let components = URLComponents(string: withScheme), var host = components.host,
      !host.isEmpty
    else { return nil }
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    let scheme = components.scheme?.lowercased() ?? "http"
    let port = components.port ?? (scheme == "https" ? 443 : 1080)
    return ProxySetting(variable: variable, host: host.lowercased(), port: port)
  }

  /// The NO_PROXY entry that matches `host`, following libcurl: `*` matches everything, an
  /// entry matches the host itself and every name below it (a leading `.` or `*.` is ignored),
  /// and an entry with `:port` matches only that port. CIDR ranges are not understood.
  public static func noProxyMatch(host: String, port: Int, noProxy: String) -> String? {
    let host = host.lowercased()
    for raw in noProxy.split(separator: ",") {
      let entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
      if entry.isEmpty { continue }
      if entry == "*" { return entry }
      var name = entry
      if name.hasPrefix("*.") { name.removeFirst(2) } else if name.hasPrefix(".") { name.removeFirst() }
      if name.hasPrefix("[") && name.contains("]") {
        let close = name.firstIndex(of: "]")!
        let rest = name[name.index(after: close)...]
        if rest.hasPrefix(":"), Int(rest.dropFirst()) != port { continue }
        name = String(name[name.index(after: name.startIndex)..<close])
      } else if name.filter({ $0 == ":" }).count == 1, let colon = name.firstIndex(of: ":") {
        if Int(name[name.index(after: colon)...]) != port { continue }
        name = String(name[..<colon])
      }
      if host == name || host.hasSuffix("." + name) { return entry }
    }
    return nil
  }
}
