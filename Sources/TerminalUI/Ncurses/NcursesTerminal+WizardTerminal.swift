import WizardCore

/// The full-screen terminal as the runtime sees it: it paints the Frame and ignores the model.
extension NcursesTerminal: WizardTerminal {
  public func present(_ model: ScreenModel, frame: Frame) {
    draw(frame)
  }

  public func readInput(timeoutMilliseconds: Int) -> TerminalInput? {
    readKey(timeoutMilliseconds: timeoutMilliseconds)
  }
}
