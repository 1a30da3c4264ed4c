/// A profile the wizard asks the runtime to save.
public struct ProfileDraft: Equatable, Sendable {
  public var name: String
  public var connection: ConnectionDraft
  /// The saved profile this replaces when the user edited one (its old name), else nil.
  public var replacing: String?
  /// True when the user chose to save although the connection test failed.
  public var savedDespiteFailedTest: Bool

  public init(
    name: String, connection: ConnectionDraft, replacing: String? = nil, savedDespiteFailedTest: Bool = false
  ) {
    self.name = name
    self.connection = connection
    self.replacing = replacing
    self.savedDespiteFailedTest = savedDespiteFailedTest
  }
}
