/// Work in flight and its clock, so the screen can show a spinner and elapsed seconds.
///
/// The wizard has no clock: `.tick` events carry the runtime's monotonic time. The first tick
/// after the work starts fixes `startedAt`.
public struct Activity: Equatable, Sendable {
  /// Which operation this is; answers from any other are stale.
  public var id: OperationID
  public var startedAt: Duration?
  public var frame: Int
  public var elapsedSeconds: Int

  public init(
    kind: OperationKind, serial: Int = 0, startedAt: Duration? = nil, frame: Int = 0, elapsedSeconds: Int = 0
  ) {
    self.id = OperationID(kind: kind, serial: serial)
    self.startedAt = startedAt
    self.frame = frame
    self.elapsedSeconds = elapsedSeconds
  }

  public var kind: OperationKind { id.kind }
}
