import Foundation
import Vocabulary

/// A saved connection to one ServiceNow instance: everything except the secrets.
///
/// This is what config.json holds per profile; secrets are in credentials.json or wherever
/// `secretStore` says.
public struct Profile: Codable, Equatable, Sendable {
  /// The name scripts use (`snowgate token NAME`); see `ProfileName` for the rules.
  public var name: String
  /// The instance, e.g. `https://dev12345.service-now.com`.
  public var instanceURL: URL
  /// The REST API version to use (`v2`), or nil for the unversioned paths.
  public var apiVersion: String?
  /// How the profile signs in.
  public var authType: AuthKind
  /// The OAuth client ID (OAuth only).
  public var clientID: String?
  /// The user name (Basic and the password grant).
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
  /// The client certificate (PEM) a `certificate` profile presents in the TLS handshake; only
  /// the path is saved, and the instance maps the certificate to the user it acts as.
  public var clientCertificateFile: String?
  /// The private key (PEM) of `clientCertificateFile`; an encrypted key's passphrase is a secret.
  public var clientKeyFile: String?
  /// When `snowgate logout` signed the profile out (its tokens revoked, its secrets forgotten);
  /// nil while signed in. Saving the profile again signs it in.
  public var signedOutAt: Date?
  /// Where the secrets live.
  public var secretStore: SecretStore
  /// A PEM file of CA certificates to trust as well as the system store (`--ca-bundle`).
  public var caBundle: String?
  /// When the profile was first saved (set by the store).
  public var createdAt: Date
  /// When the profile was last saved (set by the store; token refreshes do not count).
  public var updatedAt: Date

  /// Creates a profile; the store replaces both dates when it saves.
  public init(
    name: String, instanceURL: URL, apiVersion: String? = nil, authType: AuthKind,
    clientID: String? = nil, username: String? = nil, scope: String? = nil,
    redirectURI: String? = nil, jwtKeyFile: String? = nil, jwtKeyID: String? = nil,
    clientCertificateFile: String? = nil, clientKeyFile: String? = nil, signedOutAt: Date? = nil,
    secretStore: SecretStore = .file, caBundle: String? = nil,
    createdAt: Date = Date(timeIntervalSince1970: 0), updatedAt: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.name = name
    self.instanceURL = instanceURL
    self.apiVersion = apiVersion
    self.authType = authType
    self.clientID = clientID
    self.username = username
    self.scope = scope
    self.redirectURI = redirectURI
    self.jwtKeyFile = jwtKeyFile
    self.jwtKeyID = jwtKeyID
    self.clientCertificateFile = clientCertificateFile
    self.clientKeyFile = clientKeyFile
    self.signedOutAt = signedOutAt
    self.secretStore = secretStore
    self.caBundle = caBundle
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}
