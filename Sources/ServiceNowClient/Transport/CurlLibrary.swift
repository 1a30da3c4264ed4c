import CCurl

/// libcurl, loaded the first time a request is sent.
///
/// Loading libcurl and its dependency tree (OpenSSL, nghttp2, krb5, ldap, …) costs about 7 ms,
/// so it is not linked: `--help`, `profiles`, `token` with a cached token and the wizard's
/// first frame never pay for it. Loaded once per process; a missing library becomes a
/// failure a person can act on.
struct CurlLibrary: @unchecked Sendable {
  /// The function table the shim resolved; never freed (it lives as long as the process).
  let api: UnsafePointer<sg_curl_api>
  /// The decoders libcurl was built with, for Accept-Encoding: only what we can decode.
  let acceptEncoding: String

  private init(api: UnsafePointer<sg_curl_api>) {
    self.api = api
    var names: [String] = []
    if sg_has_feature(api, CURL_VERSION_LIBZ) != 0 { names += ["gzip", "deflate"] }
    if sg_has_feature(api, CURL_VERSION_BROTLI) != 0 { names.append("br") }
    if sg_has_feature(api, CURL_VERSION_ZSTD) != 0 { names.append("zstd") }
    acceptEncoding = names.isEmpty ? "identity" : names.joined(separator: ", ")
  }

  /// The one loaded library, or why it could not be loaded.
  static let shared: Result<CurlLibrary, ServiceNowFailure> = {
    var reason = [CChar](repeating: 0, count: 512)
    guard let api = sg_curl_load(&reason, reason.count) else {
      let text = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      return .failure(ServiceNowFailure(.clientLibcurlMissing, detail: String(text.prefix(300))))
    }
    return .success(CurlLibrary(api: api))
  }()
}
