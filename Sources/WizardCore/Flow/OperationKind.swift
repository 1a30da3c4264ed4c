/// Work the runtime does for the wizard that can be in flight (and cancelled).
public enum OperationKind: Equatable, Sendable {
  case probe
  case test
  case save
  case loadProfile
}
