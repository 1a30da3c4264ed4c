import Foundation
import Vocabulary

/// A setup the user left after the instance step, kept so it can be resumed.
///
/// One type for what the wizard asks to keep when it quits and what config.json holds.
/// Drafts hold no secrets: whatever was typed as a secret is asked again on resume. Fields not
/// typed (or not used by the auth kind) are nil, never empty strings.
public struct SetupDraft: Codable, Equatable, Sendable {
  /// The name the profile will get (the wizard proposes one from the instance host).
  public var name: String
  /// The instance the user entered.
  public var instanceURL: URL
  public var apiVersion: String?
  public var authType: AuthKind?
  public var clientID: String?
  public var username: String?
  public var scope: String?
  public var redirectURI: String?
  public var secretStore: SecretStore?
  /// The wizard step the person was on when they left (the screen's stable word, e.g. `token`),
  /// so a resume opens there; nil in files written before steps were kept (opens at the start).
  public var step: String?
  /// When the draft was last saved (set by the store).
  public var updatedAt: Date

  /// Creates a draft; the store sets `updatedAt` when it saves.
  public init(
    name: String, instanceURL: URL, apiVersion: String? = nil, authType: AuthKind? = nil,
    clientID: String? = nil, username: String? = nil, scope: String? = nil,
    redirectURI: String? = nil, secretStore: SecretStore? = nil, step: String? = nil,
    updatedAt: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.step = step
    self.name = name
    self.instanceURL = instanceURL
    self.apiVersion = apiVersion
    self.authType = authType
    self.clientID = clientID
    self.username = username
    self.scope = scope
    self.redirectURI = redirectURI
    self.secretStore = secretStore
    self.updatedAt = updatedAt
  }
}
