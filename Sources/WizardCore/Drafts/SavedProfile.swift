import Platform
import Vocabulary

/// A saved profile or a half-finished setup, loaded to be edited or resumed: its description,
/// the same `SetupDraft` config.json holds (a saved profile's has no step), and the secrets the
/// store resolved for it (none for a half-finished setup: they are asked again).
///
/// One description rather than a copy of its fields, so a field a profile gains (a key file, a
/// certificate) reaches the wizard's screens on edit and resume without another list to update.
@dynamicMemberLookup
public struct SavedProfile: Equatable, Sendable {
  public var draft: SetupDraft
  public var password: Secret
  public var clientSecret: Secret
  public var refreshToken: Secret
  public var apiKey: Secret
  /// The passphrase of a client certificate's key.
  public var keyPassphrase: Secret

  public init(
    draft: SetupDraft, password: Secret = .empty, clientSecret: Secret = .empty,
    refreshToken: Secret = .empty, apiKey: Secret = .empty, keyPassphrase: Secret = .empty
  ) {
    self.draft = draft
    self.password = password
    self.clientSecret = clientSecret
    self.refreshToken = refreshToken
    self.apiKey = apiKey
    self.keyPassphrase = keyPassphrase
  }

  /// The description's fields as the loaded profile's own (`profile.clientID`).
  public subscript<Value>(dynamicMember field: KeyPath<SetupDraft, Value>) -> Value {
    draft[keyPath: field]
  }

  /// The address as the instance screen shows it: with `/api/now/vN` when an API version is
  /// kept, so editing or resuming never drops it (the normaliser reads it back out).
  public var instance: String {
    let url = draft.instanceURL.absoluteString
    guard let version = draft.apiVersion, !version.isEmpty else { return url }
    return (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/api/now/" + version
  }

  /// The screen a resume opens at; nil for a saved profile, which edit opens at the start.
  public var resumeAt: WizardScreen? { draft.step.flatMap(WizardScreen.init(draftWord:)) }
}
