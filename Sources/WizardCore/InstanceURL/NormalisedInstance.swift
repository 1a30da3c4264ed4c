import Foundation

/// An instance address the wizard accepted: where the instance lives and which API version to use.
public struct NormalisedInstance: Equatable, Sendable {
  /// `https://dev12345.service-now.com`: scheme, host and a non-default port, no path.
  public var address: String
  /// Lower-case host name or IP address, without brackets.
  public var host: String
  /// A non-default port, or nil.
  public var port: Int?
  /// `v2` when the user gave `/api/now/v2`; nil means the latest version.
  public var apiVersion: String?
  /// 127.0.0.1, localhost or ::1: the only hosts allowed over plain http.
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

  /// The base URL the client talks to.
  public var url: URL { URL(string: address)! }

  /// How the screen shows it: the address, plus the API version when one was fixed.
  public var display: String {
    guard let apiVersion else { return address }
    return address + "/api/now/" + apiVersion
  }
}
