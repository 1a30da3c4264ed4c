/// What `snowgate profiles` shows: the profiles, and why token expiry may be unknown.
public struct ProfileListing: Equatable, Sendable {
  /// Every saved profile, sorted by name.
  public var profiles: [ProfileSummary]
  /// Half-finished setups, by name.
  public var drafts: [String]
  /// Why the credentials file could not be read (token expiry is then missing), if it could not.
  ///
  /// The listing still works with an unreadable or too-open credentials file, so the user can
  /// see their profiles while fixing it.
  public var credentialsProblem: String?

  public init(profiles: [ProfileSummary], drafts: [String], credentialsProblem: String? = nil) {
    self.profiles = profiles
    self.drafts = drafts
    self.credentialsProblem = credentialsProblem
  }
}
