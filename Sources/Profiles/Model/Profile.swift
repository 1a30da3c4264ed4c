import Platform
import Vocabulary

/// A saved connection to one ServiceNow instance: everything except the secrets.
///
/// This is what config.json holds per profile; secrets are in credentials.json or wherever
/// `secretStore` says. Where the connection goes and who it signs in as is the shared
/// `ConnectionSettings` (read through it: `profile.instanceURL`); a half-finished setup keeps the
/// same description, so resume and save cannot disagree on a field.
@dynamicMemberLookup
public struct Profile: Codable, Equatable, Sendable {
  /// The name scripts use (`snowgate token NAME`); see `ProfileName` for the rules.
  public var name: String
  /// How the profile signs in.
  public var authType: AuthKind
  /// Where it connects and who it signs in as.
  public var connection: ConnectionSettings
  /// When `snowgate logout` signed the profile out (its tokens revoked, its secrets forgotten);
  /// nil while signed in. Saving the profile again signs it in.
  public var signedOutAt: Date?
  /// Where the secrets live.
  public var secretStore: SecretStore
  /// When the profile was first saved (set by the store).
  public var createdAt: Date
  /// When the profile was last saved (set by the store; token refreshes do not count).
  public var updatedAt: Date

  /// Creates a profile from its connection; the store replaces both dates when it saves.
  public init(
    name: String, authType: AuthKind, connection: ConnectionSettings, signedOutAt: Date? = nil,
    secretStore: SecretStore = .file, createdAt: Date = Date(timeIntervalSince1970: 0),
    updatedAt: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.name = name
    self.authType = authType
    self.connection = connection
    self.signedOutAt = signedOutAt
    self.secretStore = secretStore
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  /// Creates a profile field by field (tests and the simple callers).
  public init(
    name: String, instanceURL: URL, apiVersion: String? = nil, authType: AuthKind,
    clientID: String? = nil, username: String? = nil, scope: String? = nil,
    redirectURI: String? = nil, jwtKeyFile: String? = nil, jwtKeyID: String? = nil,
    clientCertificateFile: String? = nil, clientKeyFile: String? = nil, signedOutAt: Date? = nil,
    secretStore: SecretStore = .file, caBundle: String? = nil,
    createdAt: Date = Date(timeIntervalSince1970: 0), updatedAt: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.init(
      name: name, authType: authType,
      connection: ConnectionSettings(
        instanceURL: instanceURL, apiVersion: apiVersion, clientID: clientID, username: username,
        scope: scope, redirectURI: redirectURI, jwtKeyFile: jwtKeyFile, jwtKeyID: jwtKeyID,
        clientCertificateFile: clientCertificateFile, clientKeyFile: clientKeyFile, caBundle: caBundle),
      signedOutAt: signedOutAt, secretStore: secretStore, createdAt: createdAt, updatedAt: updatedAt)
  }

  /// The connection's fields read and written as the profile's own (`profile.clientID`).
  public subscript<Value>(dynamicMember field: WritableKeyPath<ConnectionSettings, Value>) -> Value {
    get { connection[keyPath: field] }
    set { connection[keyPath: field] = newValue }
  }

  private enum CodingKeys: String, CodingKey {
    case name, authType, signedOutAt, secretStore, createdAt, updatedAt
  }

  /// Reads the flat object config.json has always held: the connection's keys beside the rest.
  public init(from decoder: any Decoder) throws {
    connection = try ConnectionSettings(from: decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    authType = try container.decode(AuthKind.self, forKey: .authType)
    signedOutAt = try container.decodeIfPresent(Date.self, forKey: .signedOutAt)
    secretStore = try container.decode(SecretStore.self, forKey: .secretStore)
    createdAt = try container.decode(Date.self, forKey: .createdAt)
    updatedAt = try container.decode(Date.self, forKey: .updatedAt)
  }

  /// Writes one flat object, the connection's keys beside the rest.
  public func encode(to encoder: any Encoder) throws {
    try connection.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(authType, forKey: .authType)
    try container.encodeIfPresent(signedOutAt, forKey: .signedOutAt)
    try container.encode(secretStore, forKey: .secretStore)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(updatedAt, forKey: .updatedAt)
  }
}
