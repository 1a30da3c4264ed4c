/// What the connection test proved: the user table is readable, and whether table metadata is.
public struct TableAccessReport: Sendable, Equatable {
  /// The read of sys_user that must pass.
  public var users: TableRead
  /// The read of sys_db_object, when it passed.
  public var metadata: TableRead?
  /// Why the sys_db_object read failed: a warning only (many integrations need it, the test does not).
  public var metadataWarning: ServiceNowFailure?

  public init(users: TableRead, metadata: TableRead?, metadataWarning: ServiceNowFailure?) {
    self.users = users
    self.metadata = metadata
    self.metadataWarning = metadataWarning
  }
}
