import Vocabulary

/// A setup quit half way, as the runtime keeps it so the welcome screen can offer to resume it.
///
/// Never holds a secret: a half-finished setup stores only what was typed in plain fields.
public struct DraftSummary: Equatable, Sendable {
  /// The name typed on the save screen, or the one the wizard would suggest.
  public var name: String
  /// The half-finished setup this replaces (it was resumed), else nil.
  public var replacing: String?
  /// The normalised address, e.g. https://dev12345.service-now.com.
  public var instance: String
  public var apiVersion: String?
  /// Nil when quit before choosing.
  public var authKind: AuthKind?
  /// Empty when not typed (or not used by the auth kind).
  public var clientID: String
  public var username: String
  public var scope: String
  /// Only for the browser flow.
  public var redirectURI: String?
  /// A store other than the default credentials file chosen on the save screen, else nil.
  /// A command is not a secret (it only names where the secret is).
  public var secretStore: SecretStore?

  public init(
    name: String, replacing: String? = nil, instance: String, apiVersion: String? = nil,
    authKind: AuthKind? = nil, clientID: String = "", username: String = "", scope: String = "",
    redirectURI: String? = nil, secretStore: SecretStore? = nil
  ) {
    self.name = name
    self.replacing = replacing
    self.instance = instance
    self.apiVersion = apiVersion
    self.authKind = authKind
    self.clientID = clientID
    self.username = username
    self.scope = scope
    self.redirectURI = redirectURI
    self.secretStore = secretStore
  }
}
