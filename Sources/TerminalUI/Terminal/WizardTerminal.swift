import WizardCore

/// What the wizard's runtime talks to: the full screen (ncurses), plain lines, or a test's fake.
///
/// The runtime renders every screen state once into both forms it may need, the screen model
/// and its Frame at the terminal's size, and each terminal shows the one it can: ncurses paints
/// the Frame, the plain-line terminal prints the model, the fake keeps both for assertions.
/// Input comes back as `TerminalInput`, the same keys whichever terminal read them, so one
/// reducer drives every front end.
public protocol WizardTerminal: AnyObject {
  /// Columns and rows to render the Frame at.
  var size: (width: Int, height: Int) { get }
  /// Shows a screen; called only when the model or the size changed.
  func present(_ model: ScreenModel, frame: Frame)
  /// Waits up to `timeoutMilliseconds` for input; nil on timeout.
  func readInput(timeoutMilliseconds: Int) -> TerminalInput?
  /// Shows `text` whole for copying (a long address) until the person comes back.
  func showPlainText(_ text: String)
}
