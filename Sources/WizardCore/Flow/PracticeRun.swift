/// `snowgate demo`: what becomes of what it saves, so the done screen can say so truthfully.
public struct PracticeRun: Equatable, Sendable {
  /// `demo --keep`: the profiles stay in the real configuration; otherwise they go to a
  /// private folder that is removed when the demo ends.
  public var keepsProfiles: Bool
  /// Where a real setup would save the connection and its secrets, as a person would type them.
  public var realConfigPath: String
  public var realCredentialsPath: String

  public init(keepsProfiles: Bool, realConfigPath: String, realCredentialsPath: String) {
    self.keepsProfiles = keepsProfiles
    self.realConfigPath = realConfigPath
    self.realCredentialsPath = realCredentialsPath
  }
}
