import Platform

/// What every HTTP layer call needs to know about the run that asks.
public struct HTTPLayerContext: Sendable, Equatable {
  /// The normalised instance URL, `scheme://host[:port]`, from the URL check.
  public var baseURL: URL
  /// The deadline of this one network step, in seconds (default 10).
  public var timeout: Double
  /// `snowgate check --refresh`: the token layer must refresh even if the token is still valid.
  public var forceRefresh: Bool
  /// The proxy the request will go through (`host:port`, no credentials), or nil when direct.
  public var proxy: String?

  public init(baseURL: URL, timeout: Double, forceRefresh: Bool = false, proxy: String? = nil) {
    self.baseURL = baseURL
    self.timeout = timeout
    self.forceRefresh = forceRefresh
    self.proxy = proxy
  }
}
