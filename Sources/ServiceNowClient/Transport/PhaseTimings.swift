/// How long each phase of one real request took, measured by libcurl from the request's start.
///
/// Cumulative, as libcurl reports them: `connect` includes `nameLookup`, `tls` includes
/// `connect`, and so on; a phase that did not happen (TLS over http) stays nil.
public struct PhaseTimings: Sendable, Equatable {
  public var nameLookup: Duration?
  public var connect: Duration?
  public var tls: Duration?
  public var firstByte: Duration?
  public var total: Duration

  public init(
    nameLookup: Duration? = nil, connect: Duration? = nil, tls: Duration? = nil, firstByte: Duration? = nil,
    total: Duration
  ) {
    self.nameLookup = nameLookup
    self.connect = connect
    self.tls = tls
    self.firstByte = firstByte
    self.total = total
  }
}
