import Platform

/// Builds the URLs of an instance from its root address.
///
/// The root and the API version come from `InstanceURL`, the one address parser; this only hangs
/// paths and queries off it, and puts a fixed Table API version into the Table API paths.
public enum InstanceEndpoints {
  /// `root + path`, with an optional query encoded like a form (only unreserved characters left).
  public static func url(_ instance: URL, path: String, query: [(name: String, value: String)] = []) -> URL {
    var components = URLComponents(url: instance, resolvingAgainstBaseURL: false)!
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
