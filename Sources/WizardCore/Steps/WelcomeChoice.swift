/// The choices of the welcome screen, in screen order.
public enum WelcomeChoice: CaseIterable, Equatable, Sendable {
  case newConnection
  case editSaved
  case diagnoseSaved
  case quit
}
