import Vocabulary

/// How one request connects: the proxy to go through, the CA bundle to trust, the client
/// certificate to present.
///
/// Decided by the caller (the client reads the environment once, through `ProxyEnvironment`
/// and `CABundle`), so the transport never reads the environment itself and every request
/// says exactly what it used. Verification is never switched off: there is no option for it.
public struct TransportOptions: Sendable, Equatable {
  /// The proxy URL text (`http://host:port`), or nil for a direct connection.
  public var proxy: String?
  /// A PEM file of CA certificates to trust (CURLOPT_CAINFO), see `CABundle`.
  public var caBundle: String?
  /// A PEM client certificate to present when the server asks for one.
  public var clientCertificate: String?
  /// The PEM private key of `clientCertificate`, when not in the same file.
  public var clientKey: String?
  /// The passphrase of an encrypted `clientKey` (CURLOPT_KEYPASSWD); nil for a plain key.
  public var clientKeyPassphrase: Secret?

  public init(
    proxy: String? = nil, caBundle: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil
  ) {
    self.proxy = proxy
    self.caBundle = caBundle
    self.clientCertificate = clientCertificate
    self.clientKey = clientKey
  }
}
