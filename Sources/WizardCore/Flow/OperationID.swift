/// One started operation: its kind and its place in the order operations were started.
///
/// The runtime tags every answer with the operation that asked for it
/// (`WizardEvent.result(of:_:)`), and the reducer takes an answer only from the operation in
/// flight: a cancelled or replaced operation's late answer (a diagnosis winding down while a
/// new test runs, Esc and Enter again while old checks finish) is dropped, whatever its kind.
public struct OperationID: Hashable, Sendable, CustomStringConvertible {
  public var kind: OperationKind
  /// 1 for the first operation the state started, 2 for the next, …; 0 for none counted.
  public var serial: Int

  public init(kind: OperationKind, serial: Int) {
    self.kind = kind
    self.serial = serial
  }

  public var description: String { "\(kind)#\(serial)" }
}
