import TextSafety
import WizardCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The wizard as plain lines, for `TERM=dumb`, pipes and screen readers.
///
/// Draws from the same `ScreenModel`s as the full-screen terminal, but only prints lines: no
/// boxes, no colours, no cursor movement, so a screen reader reads it top to bottom and a
/// transcript stays readable. Answers are whole lines, turned into the wizard's keys by
/// `keys(forAnswer:in:)` so the same reducer drives both front ends.
public struct PlainTerminal: Sendable {
  /// Column at which paragraphs wrap.
  public var width: Int

  public init(width: Int = 80) {
    self.width = max(20, width)
  }

  /// The screen as text, ending with a newline.
  public func render(_ model: ScreenModel) -> String {
    var out: [String] = []
    var heading = "snowgate: " + model.title
    if let step = model.step { heading += " (" + step + ")" }
    out.append(heading)
    out.append("")
    for paragraph in model.intro {
      wrap(paragraph, indent: "", into: &out)
      out.append("")
    }
    var number = 0
    for (index, item) in model.items.enumerated() {
      let marker = model.focus == index ? "> " : "  "
      switch item {
      case .field(let field):
        var value = field.display
        if value.isEmpty, !field.placeholder.isEmpty {
          value = Self.emptyField(field.placeholder)
        }
        out.append(marker + field.label + ": " + value)
        if let note = field.note, !note.isEmpty { wrap(note, indent: "    ", into: &out) }
        if let error = field.error, !error.isEmpty { wrap("Error: " + error, indent: "    ", into: &out) }
      case .choice(let choice):
        number += 1
        var line = marker + String(number) + ") " + choice.label
        if !choice.detail.isEmpty { line += " - " + choice.detail }
        if choice.isSelected { line += " (selected)" }
        if !choice.isEnabled { line += " (not available)" }
        wrap(line, indent: "     ", into: &out)
      case .action(let action):
        number += 1
        var line = marker + String(number) + ") " + action.label
        if !action.isEnabled { line += " (not available)" }
        out.append(line)
      case .text(let text, _):
        wrap(text, indent: "", into: &out)
      case .check(let check):
        out.append(contentsOf: lines(for: check))
      }
    }
    for message in model.messages {
      out.append("")
      wrap(Self.word(for: message.kind) + message.title, indent: "", into: &out)
      for line in message.lines { wrap(line, indent: "  ", into: &out) }
    }
    if let progress = model.progress {
      out.append("")
      out.append(
        "Working: " + progress.label + " (" + ScreenRenderer.formatSeconds(progress.elapsedSeconds) + ")")
    }
    if let help = model.help {
      out.append("")
      out.append(help.title)
      for line in help.lines { wrap(line, indent: "  ", into: &out) }
    }
    if let dialog = model.dialog {
      out.append("")
      out.append(dialog.title)
      for line in dialog.lines { wrap(line, indent: "  ", into: &out) }
      for option in dialog.options { out.append("  " + option.key + ") " + option.action) }
    }
    // The screen's one-letter keys, which an answer line off a field presses (`keys(forAnswer:)`).
    let letters = model.hints.filter { $0.key.count == 1 && $0.key.first?.isLetter == true }
    if model.dialog == nil, Self.focusedField(model) == nil, !letters.isEmpty {
      out.append("")
      out.append("Keys: " + letters.map { $0.key + ") " + $0.action }.joined(separator: ", ") + ".")
    }
    out.append("")
    out.append(Self.commandsLine)
    return Self.printable(out.joined(separator: "\n") + "\n")
  }

  /// What can be typed besides an answer, said under every screen.
  static let commandsLine = "(Type :back to go back, :help for help, :quit to leave.)"

  /// A check line in words: `[PASS] DNS - … (12ms)`, and what to do when it failed.
  func lines(for check: CheckLineModel) -> [String] {
    var out: [String] = []
    var line = "  [" + Self.word(for: check.status) + "] " + check.title
    if !check.detail.isEmpty { line += " - " + check.detail }
    if let ms = check.elapsedMilliseconds { line += " (" + ScreenRenderer.formatMilliseconds(ms) + ")" }
    wrap(line, indent: "         ", into: &out)
    if let remedy = check.remedy, !remedy.isEmpty, check.status == .fail || check.status == .warn {
      wrap("What to do: " + remedy, indent: "         ", into: &out)
    }
    return out
  }

  /// The text with control characters (other than newlines) made visible as `?`, so text from
  /// a model, which may quote what someone typed, can never drive the terminal.
  static func printable(_ text: String) -> String {
    let needsWork = text.unicodeScalars.contains { $0 != "\n" && UntrustedText.isControl($0) }
    guard needsWork else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        result.append(" ")
      } else if scalar != "\n" && UntrustedText.isControl(scalar) {
        result.append("?")
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// What to print before reading an answer line.
  public func prompt(for model: ScreenModel) -> String {
    Self.printable(promptText(for: model))
  }

  private func promptText(for model: ScreenModel) -> String {
    if let dialog = model.dialog {
      return "Answer (" + dialog.options.map(\.key).joined(separator: "/") + "): "
    }
    if let field = Self.focusedField(model) {
      // The default in brackets: Enter keeps it. A secret's value is never repeated.
      if field.display.isEmpty { return field.label + ": " }
      return field.label + " [" + (field.isSecret && !field.isRevealed ? "keep" : field.display) + "]: "
    }
    let numbered = model.items.indices.filter { Self.isNumbered(model.items[$0]) }
    if !numbered.isEmpty {
      let range = numbered.count == 1 ? "1" : "1-" + String(numbered.count)
      let current = model.focus.flatMap { numbered.firstIndex(of: $0) }.map { " [" + String($0 + 1) + "]" }
      return "Choose " + range + (current ?? "") + ": "
    }
    return "Press Enter to continue: "
  }

  /// The field that has the focus, if a field has it.
  static func focusedField(_ model: ScreenModel) -> FieldModel? {
    guard let focus = model.focus, model.items.indices.contains(focus),
      case .field(let field) = model.items[focus]
    else { return nil }
    return field
  }

  /// Turns an answer line into the keys the full-screen wizard would have received.
  ///
  /// An empty line is Enter (on a field: keep the value in brackets); `:back`, `:help`, `:quit`
  /// are Esc, F1 and Ctrl-C; in a dialog the first character answers it; on a focused field a
  /// typed line replaces the value; elsewhere one letter is that key (the screen's shortcuts); a number
  /// picks a choice or action by moving the focus with ↑/↓ over fields, choices and actions
  /// (the items the wizard's focus visits), then Enter.
  public func keys(forAnswer line: String, in model: ScreenModel) -> [Key] {
    switch line {
    case ":back": return [.escape]
    case ":help": return [.help]
    case ":quit": return [.interrupt]
    default: break
    }
    if model.dialog != nil {
      guard let first = line.first else { return [.enter] }
      return [.character(first)]
    }
    if Self.focusedField(model) != nil {
      if line.isEmpty { return [.enter] }
      return [.clearField] + line.map { Key.character($0) } + [.enter]
    }
    if line.isEmpty { return [.enter] }
    // One letter is the screen's own key (`a` reads as another profile, `r` runs again): the
    // footer lists them, and the full-screen wizard takes them as they are.
    if line.count == 1, let letter = line.first, letter.isLetter { return [.character(letter)] }
    guard let number = Int(line), number > 0 else { return [] }
    let focusable = model.items.indices.filter { Self.isFocusable(model.items[$0]) }
    let numbered = model.items.indices.filter { Self.isNumbered(model.items[$0]) }
    guard number <= numbered.count, let target = focusable.firstIndex(of: numbered[number - 1]) else {
      return []
    }
    let current = model.focus.flatMap { focusable.firstIndex(of: $0) } ?? 0
    let step: Key = target >= current ? .down : .up
    return Array(repeating: step, count: abs(target - current)) + [.enter]
  }

  /// Prints a screen to standard output.
  public func show(_ model: ScreenModel) {
    print(render(model), terminator: "")
  }

  /// Prints the prompt and reads one answer line from standard input; nil at end of input.
  public func ask(_ model: ScreenModel) -> String? {
    print(prompt(for: model), terminator: "")
    fflush(nil)  // every output stream: the prompt must show before the read blocks
    // Bounded: an answer longer than any field may be is read as an empty answer, never kept.
    switch BoundedLine.read() {
    case .line(let text): return text
    case .tooLong: return ""
    case .end: return nil
    }
  }

  private func wrap(_ text: String, indent: String, into out: inout [String]) {
    let lines = TextWrapper.wrap(text, width: width - indent.count)
    for (index, line) in lines.enumerated() {
      out.append(index == 0 ? String(line) : indent + line)
    }
  }

  private static func isNumbered(_ item: ScreenItem) -> Bool {
    switch item {
    case .choice, .action: true
    default: false
    }
  }

  private static func isFocusable(_ item: ScreenItem) -> Bool {
    switch item {
    case .field, .choice, .action: true
    default: false
    }
  }

  private static func word(for status: CheckLineModel.Status) -> String {
    switch status {
    case .pending: "WAIT"
    case .running: "...."
    case .pass: "PASS"
    case .warn: "WARN"
    case .fail: "FAIL"
    case .skip: "SKIP"
    }
  }

  private static func word(for kind: ScreenMessage.Kind) -> String {
    switch kind {
    case .info: "Note: "
    case .success: "OK: "
    case .warning: "Warning: "
    case .error: "Error: "
    }
  }
}

extension PlainTerminal {
  /// How an empty field reads in plain lines: its placeholder said as what it is. An example
  /// ("e.g. admin", or one word like dev12345) is "for example"; a placeholder that already
  /// says what empty means ("empty: the client's default") is said as is; a description
  /// ("from the Application Registry record") follows "empty;".
  static func emptyField(_ placeholder: String) -> String {
    if placeholder.hasPrefix("e.g. ") { return "(empty; for example " + placeholder.dropFirst(5) + ")" }
    if placeholder.hasPrefix("empty") { return "(" + placeholder + ")" }
    if placeholder.contains(" ") { return "(empty; " + placeholder + ")" }
    return "(empty; for example " + placeholder + ")"
  }
}
