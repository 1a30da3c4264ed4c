import Platform

/// A setup the user left after the instance step, kept so it can be resumed.
///
/// One type for what the wizard asks to keep when it quits and what config.json holds. It keeps
/// the same `ConnectionSettings` a saved `Profile` does (read through it: `draft.clientID`), so
/// resume and edit keep every field the profile would. Drafts hold no secrets: whatever was typed
/// as a secret is asked again on resume. Fields not typed (or not used by the auth kind) are nil.
@dynamicMemberLookup
public struct SetupDraft: Codable, Equatable, Sendable {
  /// The name the profile will get (the wizard proposes one from the instance host).
  public var name: String
  /// The sign-in kind, once chosen.
  public var authType: AuthKind?
  /// Where it connects and who it signs in as, as far as typed.
  public var connection: ConnectionSettings
  /// The secret store chosen on the save screen, once chosen.
  public var secretStore: SecretStore?
  /// The wizard step the person was on when they left (the screen's stable word, e.g. `token`),
  /// so a resume opens there; nil in files written before steps were kept (opens at the start).
  public var step: String?
  /// When the draft was last saved (set by the store).
  public var updatedAt: Date

  /// Creates a draft from its connection; the store sets `updatedAt` when it saves.
  public init(
    name: String, authType: AuthKind? = nil, connection: ConnectionSettings,
    secretStore: SecretStore? = nil, step: String? = nil, updatedAt: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.name = name
    self.authType = authType
    self.connection = connection
    self.secretStore = secretStore
    self.step = step
    self.updatedAt = updatedAt
  }

  /// Creates a draft field by field (the wizard and tests).
  public init(
    name: String, instanceURL: URL, apiVersion: String? = nil, authType: AuthKind? = nil,
    clientID: String? = nil, username: String? = nil, scope: String? = nil,
    redirectURI: String? = nil, secretStore: SecretStore? = nil, step: String? = nil,
    updatedAt: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.init(
      name: name, authType: authType,
      connection: ConnectionSettings(
        instanceURL: instanceURL, apiVersion: apiVersion, clientID: clientID, username: username,
        scope: scope, redirectURI: redirectURI),
      secretStore: secretStore, step: step, updatedAt: updatedAt)
  }

  /// The connection's fields read and written as the draft's own (`draft.instanceURL`).
  public subscript<Value>(dynamicMember field: WritableKeyPath<ConnectionSettings, Value>) -> Value {
    get { connection[keyPath: field] }
    set { connection[keyPath: field] = newValue }
  }

  private enum CodingKeys: String, CodingKey {
    case name, authType, secretStore, step, updatedAt
  }

  /// Reads the flat object config.json has always held: the connection's keys beside the rest.
  public init(from decoder: any Decoder) throws {
    connection = try ConnectionSettings(from: decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    authType = try container.decodeIfPresent(AuthKind.self, forKey: .authType)
    secretStore = try container.decodeIfPresent(SecretStore.self, forKey: .secretStore)
    step = try container.decodeIfPresent(String.self, forKey: .step)
    updatedAt = try container.decode(Date.self, forKey: .updatedAt)
  }

  /// Writes one flat object, the connection's keys beside the rest.
  public func encode(to encoder: any Encoder) throws {
    try connection.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encodeIfPresent(authType, forKey: .authType)
    try container.encodeIfPresent(secretStore, forKey: .secretStore)
    try container.encodeIfPresent(step, forKey: .step)
    try container.encode(updatedAt, forKey: .updatedAt)
  }
}
