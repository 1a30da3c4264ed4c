import Platform
import TerminalUI
import WizardCore

/// The wizard's main loop: keys and finished work in, reducer, effects out, screens shown.
///
/// Runs on the main thread, the only thread that touches the terminal. Network and disk work
/// run in tasks (`EffectPerformer`) and come back through the inbox, so the screen never
/// freezes: the loop waits at most `pollMilliseconds` for a key before it looks at the inbox
/// again. The terminal is any `WizardTerminal` (ncurses, plain lines, a test's fake), and the
/// outside world comes from the `AppEnvironment`, so a test runs this very loop in process.
@MainActor
final class WizardRuntime {
  private var state = WizardState()
  private let terminal: any WizardTerminal
  private let inbox = EventInbox()
  private let performer: EffectPerformer
  private let clock: AppClock
  private var size: (width: Int, height: Int)
  private var drawn: (model: ScreenModel, width: Int, height: Int)?
  /// How the wizard ended, once it has: for the command to act on after the terminal is restored.
  private var outcome: ExitStatus?
  private let pollMilliseconds = 50

  init(terminal: any WizardTerminal, environment: AppEnvironment) {
    self.terminal = terminal
    self.performer = EffectPerformer(inbox: inbox, environment: environment)
    self.clock = environment.clock
    self.size = terminal.size
  }

  /// Runs until the wizard quits; the caller restores the terminal.
  func run(start: WizardEvent) async -> ExitStatus {
    send(start)
    while outcome == nil {
      draw()
      if let input = terminal.readInput(timeoutMilliseconds: pollMilliseconds) {
        switch input {
        case .key(let key):
          send(.key(key))
        case .resize(let width, let height):
          size = (width, height)
        }
      }
      for event in inbox.drain() where outcome == nil {
        send(event)
      }
      if state.needsTicks, outcome == nil {
        send(.tick(clock.uptime()))
      }
      // Let the main actor run what was put on it while we waited for a key.
      await Task.yield()
    }
    performer.cancelAll()
    return outcome ?? .cancelled
  }

  /// The state as it is now, for the command's closing words.
  var finalState: WizardState { state }

  /// The name under which a half-finished setup was kept on the way out, if one was.
  private(set) var keptDraftName: String?

  private func send(_ event: WizardEvent) {
    let effects = reduce(&state, event)
    // The operation an effect starts is the one in flight once the reducer is done.
    let operation = state.activity?.id
    for effect in effects {
      switch effect {
      case .quit(let status):
        outcome = status
      case .showPlainText(let text):
        terminal.showPlainText(text)
        drawn = nil
      case .saveDraft(let summary):
        keptDraftName = summary.name
        performer.perform(effect)
      default:
        performer.perform(effect, as: operation)
      }
    }
  }

  /// Paints only when what would be drawn changed: a redraw per idle poll would flicker.
  private func draw() {
    let model = screenModel(for: state)
    if let drawn, drawn.model == model, drawn.width == size.width, drawn.height == size.height {
      return
    }
    let frame = ScreenRenderer.render(model, width: size.width, height: size.height)
    terminal.present(model, frame: frame)
    drawn = (model, size.width, size.height)
    if frame.scroll != state.scroll { send(.scrollSettled(frame.scroll)) }
  }
}
