import Foundation

/// Builds the URLs of an instance from whatever form its address was given in.
///
/// Users and connector products give the instance with a path (`.../api/now/v2`, `/login.do`);
/// the endpoints always hang off the root (scheme, host, port), and a `/api/now/vN` path
/// fixes the Table API version.
public enum InstanceEndpoints {
  /// The instance root: scheme, host and port only.
  public static func root(_ instance: URL) -> URL {
    var components = URLComponents()
    components.scheme = instance.scheme ?? "https"
    components.host = instance.host
    components.port = instance.port
    return components.url ?? instance
  }

  /// `vN` when the instance address carries `/api/now/vN`, else nil (the latest version).
  public static func apiVersion(in instance: URL) -> String? {
    let parts = instance.path.split(separator: "/")
    guard parts.count >= 3, parts[0] == "api", parts[1] == "now" else { return nil }
    let version = parts[2]
    guard version.first == "v", version.count > 1, version.dropFirst().allSatisfy(\.isNumber) else {
      return nil
    }
    return String(version)
  }

  /// `root + path`, with an optional query encoded like a form (only unreserved characters left).
  public static func url(_ instance: URL, path: String, query: [(name: String, value: String)] = []) -> URL {
    var components = URLComponents(url: root(instance), resolvingAgainstBaseURL: false)!
    components.path = path
    if !query.isEmpty {
      components.percentEncodedQuery = FormEncoding.encode(query)
    }
    return components.url!
  }

  /// The Table API path of `table` for a version (`/api/now/table/x` or `/api/now/v2/table/x`).
  public static func tablePath(_ table: String, apiVersion: String?) -> String {
    if let apiVersion {
      return "/api/now/\(apiVersion)/table/\(table)"
    }
    return "/api/now/table/\(table)"
  }
}
