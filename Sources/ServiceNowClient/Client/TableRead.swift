/// The result of one successful Table API read.
public struct TableRead: Sendable, Equatable {
  public var table: String
  /// The records returned, with their string fields (the test calls ask for a few fields only).
  public var records: [[String: String]]
  /// `X-Total-Count`: how many records the user may read in all, when the instance said.
  public var totalCount: Int?
  public var elapsed: Duration

  public init(table: String, records: [[String: String]], totalCount: Int?, elapsed: Duration) {
    self.table = table
    self.records = records
    self.totalCount = totalCount
    self.elapsed = elapsed
  }
}
