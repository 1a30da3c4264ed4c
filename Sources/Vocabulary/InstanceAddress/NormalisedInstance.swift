import Platform

/// An instance address `InstanceURL` accepted: where the instance lives and which API version to
/// use. The one shape of an address for the wizard, `setup`, `check` and the client.
public struct NormalisedInstance: Equatable, Sendable {
  /// `https://dev12345.service-now.com`: scheme, host and a non-default port, no path.
  public var address: String
  /// Lower-case host name or IP address, without brackets.
  public var host: String
  /// A non-default port, or nil.
  public var port: Int?
  /// `v2` when the user gave `/api/now/v2`; nil means the latest version.
  public var apiVersion: String?
  /// 127.0.0.0/8, localhost or ::1: the only hosts allowed over plain http.
  public var isLoopback: Bool

  public init(
    address: String, host: String, port: Int? = nil, apiVersion: String? = nil, isLoopback: Bool = false
  ) {
    self.address = address
    self.host = host
    self.port = port
    self.apiVersion = apiVersion
    self.isLoopback = isLoopback
  }

  /// `http` or `https`.
  public var scheme: String { address.hasPrefix("http://") ? "http" : "https" }

  /// The port connections go to: the given one, else the scheme's default.
  public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

  /// The base URL the client talks to.
  public var url: URL { URL(string: address)! }

  /// How the screen shows it: the address, plus the API version when one was fixed.
  public var display: String {
    guard let apiVersion else { return address }
    return address + "/api/now/" + apiVersion
  }
}
