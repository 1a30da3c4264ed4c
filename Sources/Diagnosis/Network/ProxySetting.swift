import Platform
import Vocabulary

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
    ProxyEnvironment.variables(for: scheme)
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
    // The one reader the HTTP client uses too, so the check reports the proxy requests take.
    let reader = ProxyEnvironment(environment)
    guard let (variable, value) = reader.chosen(scheme: scheme) else { return nil }
    guard var setting = parse(value, variable: variable) else {
      return .failure(ProxySettingError(variable: variable))
    }
    setting.bypassEntry = reader.bypassEntry(host: host, port: port)
    return .success(setting)
  }

  /// Reads `[scheme://][user:pass@]host[:port][/]`; the default port is libcurl's 1080.
  static func parse(_ value: String, variable: String) -> ProxySetting? {
    let text = PlainString.trimmed(value)
    let withScheme = text.contains("://") ? text : "http://" + text
    guard let components = URLComponents(string: withScheme), var host = components.host,
      !host.isEmpty
    else { return nil }
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    let scheme = components.scheme?.lowercased() ?? "http"
    let port = components.port ?? (scheme == "https" ? 443 : 1080)
    return ProxySetting(variable: variable, host: host.lowercased(), port: port)
  }

  /// The NO_PROXY entry that matches `host` (see `ProxyEnvironment.noProxyMatch`).
  public static func noProxyMatch(host: String, port: Int, noProxy: String) -> String? {
    ProxyEnvironment.noProxyMatch(host: host, port: port, noProxy: noProxy)
  }
}
