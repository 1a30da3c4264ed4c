import Vocabulary

/// The contents of config.json: profiles, the default, and half-finished setups.
public struct Config: Codable, Equatable, Sendable {
  /// The format version this snowgate writes and reads.
  public static let currentVersion = 1

  /// The format version; a file with another version is refused, never rewritten.
  public var version: Int
  /// The profile used when a command names none.
  public var defaultProfile: String?
  /// Saved profiles, kept sorted by name.
  public var profiles: [Profile]
  /// Half-finished setups, kept sorted by name.
  public var drafts: [SetupDraft]

  /// An empty configuration, as when no file exists yet.
  public init(
    version: Int = Config.currentVersion, defaultProfile: String? = nil, profiles: [Profile] = [],
    drafts: [SetupDraft] = []
  ) {
    self.version = version
    self.defaultProfile = defaultProfile
    self.profiles = profiles
    self.drafts = drafts
  }

  /// The profile with this name, if any.
  public func profile(named name: String) -> Profile? {
    profiles.first { $0.name == name }
  }

  /// The half-finished setup with this name, if any.
  public func draft(named name: String) -> SetupDraft? {
    drafts.first { $0.name == name }
  }
}
