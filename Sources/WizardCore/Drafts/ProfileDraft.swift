import Vocabulary

/// A profile the wizard asks the runtime to save.
///
/// OAuth fields and tokens travel in `connection.auth`; `secretStore` says where the secrets go.
public struct ProfileDraft: Equatable, Sendable {
  public var name: String
  public var connection: ConnectionDraft
  /// The saved profile this replaces when the user edited one (its old name), else nil.
  public var replacing: String?
  /// True when the user chose to save although the connection test failed.
  public var savedDespiteFailedTest: Bool
  /// Where the secrets (password, client secret, tokens) live.
  public var secretStore: SecretStore

  public init(
    name: String, connection: ConnectionDraft, replacing: String? = nil, savedDespiteFailedTest: Bool = false,
    secretStore: SecretStore = .file
  ) {
    self.name = name
    self.connection = connection
    self.replacing = replacing
    self.savedDespiteFailedTest = savedDespiteFailedTest
    self.secretStore = secretStore
  }
}
