import Platform
import Vocabulary

/// Which CA bundle a request trusts, and where that choice came from, so a check can say so.
///
/// In order: `--ca-bundle FILE`, the profile's saved bundle, `SNOWGATE_CA_BUNDLE`,
/// `SSL_CERT_FILE`; with none of them, libcurl's system store. The file is given to libcurl
/// as CURLOPT_CAINFO, in place of the system's bundle file; the system's certificate folder
/// (CApath, /etc/ssl/certs on Debian) stays trusted, so public CAs keep working alongside it.
public struct CABundle: Sendable, Equatable {
  public var path: String
  /// `--ca-bundle`, `the profile`, `SNOWGATE_CA_BUNDLE` or `SSL_CERT_FILE`.
  public var source: String

  public init(path: String, source: String) {
    self.path = path
    self.source = source
  }

  /// The bundle to use, or nil for the system store.
  public static func choose(flag: String?, profile: String?, environment: [String: String]) -> CABundle? {
    let candidates: [(String?, String)] = [
      (flag, "--ca-bundle"), (profile, "the profile"),
      (environment["SNOWGATE_CA_BUNDLE"], "SNOWGATE_CA_BUNDLE"),
      (environment["SSL_CERT_FILE"], "SSL_CERT_FILE"),
    ]
    for (value, source) in candidates {
      if let path = value.map({ PlainString.trimmed($0) }), !path.isEmpty {
        return CABundle(path: path, source: source)
      }
    }
    return nil
  }
}
