import Platform

/// Where a connection goes and who it signs in as, without its sign-in kind and its secrets.
///
/// One description shared by a saved profile (`Profile`) and a half-finished setup
/// (`SetupDraft`), so a field added here is kept by both, by resume and by edit alike. It holds no
/// secrets by construction: secrets live in the store the profile names. Fields not used by the
/// auth kind are nil, never empty strings. It is encoded flat, into the same JSON object as the
/// record that embeds it, so config.json keeps the shape it had before the two shared this type.
public struct ConnectionSettings: Codable, Equatable, Sendable {
  /// The instance, e.g. `https://dev12345.service-now.com`.
  public var instanceURL: URL
  /// The REST API version to use (`v2`), or nil for the unversioned paths.
  public var apiVersion: String?
  /// The OAuth client ID (OAuth only).
  public var clientID: String?
  /// The user name (Basic, the password grant, and the JWT assertion's `sub`).
  public var username: String?
  /// The OAuth scope; nil or empty means none is sent.
  public var scope: String?
  /// The redirect URI registered for the authorization code grant.
  public var redirectURI: String?
  /// The PEM file of the RSA private key that signs JWT bearer assertions (openssl reads it; the
  /// key never enters snowgate). The assertion's `sub` is `username`.
  public var jwtKeyFile: String?
  /// The Key ID of the JWT verifier map entry on the instance, sent as the assertion's `kid`.
  public var jwtKeyID: String?
  /// The client certificate (PEM) a `certificate` connection presents in the TLS handshake; only
  /// the path is kept, and the instance maps the certificate to the user it acts as.
  public var clientCertificateFile: String?
  /// The private key (PEM) of `clientCertificateFile`; an encrypted key's passphrase is a secret.
  public var clientKeyFile: String?
  /// A PEM file of CA certificates to trust as well as the system store (`--ca-bundle`).
  public var caBundle: String?

  /// Creates a description; every field but the instance is optional.
  public init(
    instanceURL: URL, apiVersion: String? = nil, clientID: String? = nil, username: String? = nil,
    scope: String? = nil, redirectURI: String? = nil, jwtKeyFile: String? = nil,
    jwtKeyID: String? = nil, clientCertificateFile: String? = nil, clientKeyFile: String? = nil,
    caBundle: String? = nil
  ) {
    self.instanceURL = instanceURL
    self.apiVersion = apiVersion
    self.clientID = clientID
    self.username = username
    self.scope = scope
    self.redirectURI = redirectURI
    self.jwtKeyFile = jwtKeyFile
    self.jwtKeyID = jwtKeyID
    self.clientCertificateFile = clientCertificateFile
    self.clientKeyFile = clientKeyFile
    self.caBundle = caBundle
  }
}
