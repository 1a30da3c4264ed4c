/// One layer of the diagnosis, in the order the layers are checked.
///
/// The order matters: a failing layer makes every layer after it pointless, so the runner
/// walks `allCases` in declaration order and skips what lies above a failure.
public enum CheckID: String, CaseIterable, Codable, Sendable, Hashable {
  case url
  case proxy
  case dns
  case tcp
  case tls
  case instance
  case auth
  case api
  case apiMeta = "api_meta"
  case token

  /// The short name shown on a check's line and in "skipped: DNS failed".
  public var title: String {
    switch self {
    case .url: return "URL"
    case .proxy: return "Proxy"
    case .dns: return "DNS"
    case .tcp: return "TCP"
    case .tls: return "TLS"
    case .instance: return "Instance"
    case .auth: return "Auth"
    case .api: return "API"
    case .apiMeta: return "API metadata"
    case .token: return "Token"
    }
  }

  /// Whether the layer goes through the injected HTTP client rather than a local socket call.
  public var isHTTPLayer: Bool {
    switch self {
    case .url, .proxy, .dns, .tcp: return false
    case .tls, .instance, .auth, .api, .apiMeta, .token: return true
    }
  }
}
