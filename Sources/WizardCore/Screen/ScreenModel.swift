/// Everything a renderer needs to draw one screen, already decided by the reducer.
///
/// The model holds no secrets: a secret field carries its masked display text unless the
/// user revealed it on this screen. Renderers (ncurses, plain lines, golden files) only lay it out.
public struct ScreenModel: Equatable, Sendable {
  /// Stable name for golden files and logs, e.g. "instance".
  public var id: String
  public var title: String
  /// "Step 2 of 6", or nil on screens outside the numbered flow.
  public var step: String?
  /// Paragraphs of explanation under the title.
  public var intro: [String]
  public var items: [ScreenItem]
  /// Index into `items` of the focused item, if any.
  public var focus: Int?
  /// Results, errors and warnings, drawn under the items.
  public var messages: [ScreenMessage]
  /// Work in progress (probe, test, token request), drawn with a spinner.
  public var progress: ScreenProgress?
  /// The footer: which keys do what on this screen.
  public var hints: [KeyHint]
  /// Help text shown over the screen after F1, nil when hidden.
  public var help: HelpOverlay?
  /// A question that must be answered before anything else (e.g. quit without saving?).
  public var dialog: Dialog?
  /// Lines to scroll the body from where the renderer would put it (negative: up).
  public var scroll: Int = 0

  public init(
    id: String, title: String, step: String? = nil, intro: [String] = [], items: [ScreenItem] = [],
    focus: Int? = nil, messages: [ScreenMessage] = [], progress: ScreenProgress? = nil,
    hints: [KeyHint] = [], help: HelpOverlay? = nil, dialog: Dialog? = nil
  ) {
    self.id = id
    self.title = title
    self.step = step
    self.intro = intro
    self.items = items
    self.focus = focus
    self.messages = messages
    self.progress = progress
    self.hints = hints
    self.help = help
    self.dialog = dialog
  }
}

/// One line (or block) of a screen's body.
public enum ScreenItem: Equatable, Sendable {
  case field(FieldModel)
  case choice(ChoiceModel)
  case text(String, TextStyle)
  case check(CheckLineModel)
  /// A button-like action, e.g. "Generate token" or "Run checks again".
  case action(ActionModel)
}

public enum TextStyle: Equatable, Sendable {
  case normal, dim, emphasis, success, warning, error
}

/// An editable text field.
public struct FieldModel: Equatable, Sendable {
  public var label: String
  /// What to draw: the typed text, or bullets for a hidden secret.
  public var display: String
  /// Cursor position in `display`, in characters.
  public var cursor: Int
  /// Shown dimmed when `display` is empty.
  public var placeholder: String
  public var isSecret: Bool
  public var isRevealed: Bool
  /// A line under the field: e.g. the normalised URL while typing.
  public var note: String?
  public var noteStyle: TextStyle
  /// Why the value was rejected, shown under the field.
  public var error: String?

  public init(
    label: String, display: String, cursor: Int, placeholder: String = "", isSecret: Bool = false,
    isRevealed: Bool = false, note: String? = nil, noteStyle: TextStyle = .dim, error: String? = nil
  ) {
    self.label = label
    self.display = display
    self.cursor = cursor
    self.placeholder = placeholder
    self.isSecret = isSecret
    self.isRevealed = isRevealed
    self.note = note
    self.noteStyle = noteStyle
    self.error = error
  }
}

/// One option in a list of choices (radio-style: the focused one is the one Enter picks).
public struct ChoiceModel: Equatable, Sendable {
  public var label: String
  /// One-line explanation beside or under the label.
  public var detail: String
  public var isEnabled: Bool
  public var isSelected: Bool

  public init(label: String, detail: String = "", isEnabled: Bool = true, isSelected: Bool = false) {
    self.label = label
    self.detail = detail
    self.isEnabled = isEnabled
    self.isSelected = isSelected
  }
}

public struct ActionModel: Equatable, Sendable {
  public var label: String
  public var isEnabled: Bool

  public init(label: String, isEnabled: Bool = true) {
    self.label = label
    self.isEnabled = isEnabled
  }
}

/// A diagnosis check as a line: spinner while running, then ✓ ! ✗ –.
public struct CheckLineModel: Equatable, Sendable {
  public enum Status: Equatable, Sendable { case pending, running, pass, warn, fail, skip }
  public var status: Status
  public var title: String
  public var detail: String
  public var remedy: String?
  public var elapsedMilliseconds: Int?

  public init(
    status: Status, title: String, detail: String = "", remedy: String? = nil,
    elapsedMilliseconds: Int? = nil
  ) {
    self.status = status
    self.title = title
    self.detail = detail
    self.remedy = remedy
    self.elapsedMilliseconds = elapsedMilliseconds
  }
}

public struct ScreenMessage: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case info, success, warning, error }
  public var kind: Kind
  /// One-line headline: what happened.
  public var title: String
  /// Why it probably happened and what to do, one line each.
  public var lines: [String]

  public init(kind: Kind, title: String, lines: [String] = []) {
    self.kind = kind
    self.title = title
    self.lines = lines
  }
}

public struct ScreenProgress: Equatable, Sendable {
  public var label: String
  /// Whole seconds since the work started; the runtime feeds ticks.
  public var elapsedSeconds: Int
  /// Which spinner frame to draw, advanced by ticks.
  public var frame: Int

  public init(label: String, elapsedSeconds: Int = 0, frame: Int = 0) {
    self.label = label
    self.elapsedSeconds = elapsedSeconds
    self.frame = frame
  }
}

public struct KeyHint: Equatable, Sendable {
  public var key: String
  public var action: String

  public init(_ key: String, _ action: String) {
    self.key = key
    self.action = action
  }
}

public struct HelpOverlay: Equatable, Sendable {
  public var title: String
  public var lines: [String]

  public init(title: String, lines: [String]) {
    self.title = title
    self.lines = lines
  }
}

public struct Dialog: Equatable, Sendable {
  public var title: String
  public var lines: [String]
  /// e.g. [("y", "Quit without saving"), ("n", "Keep going")]
  public var options: [KeyHint]

  public init(title: String, lines: [String], options: [KeyHint]) {
    self.title = title
    self.lines = lines
    self.options = options
  }
}
