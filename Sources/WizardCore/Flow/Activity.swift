/// Work in flight and its clock, so the screen can show a spinner and elapsed seconds.
///
/// The wizard has no clock: `.tick` events carry the runtime's monotonic time. The first tick
/// after the work starts fixes `startedAt`.
public struct Activity: Equatable, Sendable {
  public var kind: OperationKind
  public var startedAt: Duration?
  public var frame: Int
  public var elapsedSeconds: Int

  public init(kind: OperationKind, startedAt: Duration? = nil, frame: Int = 0, elapsedSeconds: Int = 0) {
    self.kind = kind
    self.startedAt = startedAt
    self.frame = frame
    self.elapsedSeconds = elapsedSeconds
  }
}
