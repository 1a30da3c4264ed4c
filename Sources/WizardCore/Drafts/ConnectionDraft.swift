import Platform

/// Everything needed to talk to an instance: what the test uses and what a profile stores.
public struct ConnectionDraft: Equatable, Sendable {
  /// The base address, e.g. https://dev12345.service-now.com (no path).
  public var instanceURL: URL
  /// `v2` when the user fixed one; nil means the latest Table API.
  public var apiVersion: String?
  public var auth: AuthDraft

  public init(instanceURL: URL, apiVersion: String? = nil, auth: AuthDraft) {
    self.instanceURL = instanceURL
    self.apiVersion = apiVersion
    self.auth = auth
  }
}
