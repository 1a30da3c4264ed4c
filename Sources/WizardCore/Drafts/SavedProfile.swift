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
  /// The user's secrets the store resolved for it, in the one shape a profile's secrets have.
  public var secrets: StoredCredentials

  public init(draft: SetupDraft, secrets: StoredCredentials = StoredCredentials()) {
    self.draft = draft
    self.secrets = secrets
  }

  /// A profile with these secrets; an empty one is none.
  public init(
    draft: SetupDraft, password: Secret = .empty, clientSecret: Secret = .empty,
    refreshToken: Secret = .empty, apiKey: Secret = .empty, keyPassphrase: Secret = .empty
  ) {
    func kept(_ secret: Secret) -> Secret? { secret.isEmpty ? nil : secret }
    self.init(
      draft: draft,
      secrets: StoredCredentials(
        password: kept(password), clientSecret: kept(clientSecret), refreshToken: kept(refreshToken),
        apiKey: kept(apiKey), keyPassphrase: kept(keyPassphrase)))
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
