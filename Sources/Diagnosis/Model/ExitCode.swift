/// The exit status of `snowgate check` for a verdict code, as issue 5 and the README fix it.
///
/// - 0: `ok` (warnings allowed)
/// - 2: usage or configuration: `url.*`, `usage.*`, `config.*`, `profile.*`
/// - 3: authentication or authorization: `auth.*`, `oauth.*` but `oauth.bad_response`,
///   `api.forbidden`, `api.scope_missing`, `api.rest_api_denied`, `api.table_security`, `api.cross_scope`
/// - 4: network, TLS or instance: `proxy.*`, `dns.*`, `tcp.*`, `tls.*`, `http.timeout`, `instance.*`
/// - 5: an answer snowgate cannot use: `api.bad_response`, `oauth.bad_response`, `http.too_large`
/// - 6: `api.rate_limited`
/// - 1: anything else
///
/// Exact codes are matched before prefixes so the exceptions above win.
public func exitCode(for code: String) -> Int32 {
  switch code {
  case "ok": return 0
  case "api.bad_response", "oauth.bad_response", "http.too_large": return 5
  case "api.rate_limited": return 6
  case "api.forbidden", "api.scope_missing", "api.rest_api_denied", "api.table_security", "api.cross_scope":
    return 3
  case "http.timeout": return 4
  default: break
  }
  guard let dot = code.firstIndex(of: "."), dot != code.startIndex else { return 1 }
  switch code[..<dot] {
  case "url", "usage", "config", "profile": return 2
  case "auth", "oauth": return 3
  case "proxy", "dns", "tcp", "tls", "instance": return 4
  default: return 1
  }
}
