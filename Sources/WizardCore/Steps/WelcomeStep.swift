/// The welcome screen's state: which choice is focused.
public struct WelcomeStep: Equatable, Sendable {
  public var focus: WelcomeChoice

  public init(focus: WelcomeChoice = .newConnection) {
    self.focus = focus
  }
}
