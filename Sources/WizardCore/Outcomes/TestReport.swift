/// What a passed connection test established, for the person to read.
public struct TestReport: Equatable, Sendable {
  /// e.g. ["Signed in as admin", "Read sys_user", "Read sys_db_object"].
  public var details: [String]
  /// Things that work but deserve attention, e.g. a rate limit close to its end.
  public var warnings: [String]

  public init(details: [String], warnings: [String] = []) {
    self.details = details
    self.warnings = warnings
  }
}
