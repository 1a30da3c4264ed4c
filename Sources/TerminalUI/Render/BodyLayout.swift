import WizardCore

/// The body of a screen as rows: intro, items, messages and progress, before scrolling.
///
/// Columns are relative to the body's text edge. Items leave two columns on the left for the
/// focus marker `›`, so a focused line is visible also without colours or reverse video.
struct BodyLayout {
  var lines: [BodyLine] = []
  /// Rows of the focused item, to keep on screen when the body is taller than the space.
  var focus: Range<Int>?
  /// Whether results or progress end the body: they are the newest news, so scroll to them.
  var hasTrailingOutput = false
  let width: Int

  private static let underscores = String(repeating: "_", count: 400)

  static func layout(_ model: ScreenModel, width: Int) -> BodyLayout {
    var body = BodyLayout(width: width)
    body.lines.reserveCapacity(32)
    body.lines.append(.empty)
    for (index, paragraph) in model.intro.enumerated() {
      if index > 0 { body.lines.append(.empty) }
      body.appendWrapped(paragraph, x: 0, style: .plain)
    }
    body.appendItems(model)
    for message in model.messages {
      body.lines.append(.empty)
      body.appendMessage(message)
      body.hasTrailingOutput = true
    }
    if let progress = model.progress {
      body.lines.append(.empty)
      body.appendProgress(progress)
      body.hasTrailingOutput = true
    }
    return body
  }

  // MARK: - Items

  private enum Kind { case field, choice, text, check, action }

  private static func kind(_ item: ScreenItem) -> Kind {
    switch item {
    case .field: .field
    case .choice: .choice
    case .text: .text
    case .check: .check
    case .action: .action
    }
  }

  private mutating func appendItems(_ model: ScreenModel) {
    var fieldLabelWidth = 0
    var choiceLabelWidth = 0
    for item in model.items {
      switch item {
      case .field(let field): fieldLabelWidth = max(fieldLabelWidth, DisplayWidth.of(field.label))
      case .choice(let choice): choiceLabelWidth = max(choiceLabelWidth, DisplayWidth.of(choice.label))
      default: break
      }
    }
    fieldLabelWidth = min(fieldLabelWidth, width / 3)
    choiceLabelWidth = min(choiceLabelWidth, width / 2)
    let spinner = Spinner.frameString(model.progress?.frame ?? 0)

    var previous: Kind?
    for (index, item) in model.items.enumerated() {
      let kind = Self.kind(item)
      if previous == nil || previous != kind || kind == .field {
        lines.append(.empty)
      }
      previous = kind
      let focused = model.focus == index
      let start = lines.count
      switch item {
      case .field(let field): appendField(field, focused: focused, labelWidth: fieldLabelWidth)
      case .choice(let choice): appendChoice(choice, focused: focused, labelWidth: choiceLabelWidth)
      case .text(let text, let style): appendWrapped(text, x: 0, style: Self.style(style))
      case .check(let check): appendCheck(check, spinner: spinner)
      case .action(let action): appendAction(action, focused: focused)
      }
      if focused { focus = start..<lines.count }
    }
  }

  private mutating func appendField(_ field: FieldModel, focused: Bool, labelWidth: Int) {
    var line = BodyLine()
    if focused { line.segments.append(.init(x: 0, text: "›", style: .accentBold)) }
    line.segments.append(
      .init(
        x: 2, text: Substring(field.label), style: focused ? .accentBold : .plain, maxWidth: labelWidth))
    let bracketX = 2 + labelWidth + 2
    let valueX = bracketX + 1
    let boxWidth = max(1, width - valueX - 1)
    let bracketStyle: CellStyle = focused ? .accent : .muted
    line.segments.append(.init(x: bracketX, text: "[", style: bracketStyle))

    var used = 0
    if field.display.isEmpty {
      if !field.placeholder.isEmpty {
        line.segments.append(
          .init(x: valueX, text: Substring(field.placeholder), style: .muted, maxWidth: boxWidth))
        used = min(boxWidth, DisplayWidth.of(field.placeholder))
      }
      if focused { line.cursorX = valueX }
    } else {
      // Scroll the value sideways so that the cursor stays inside the box.
      let display = field.display
      var visible = Substring(display)
      var toCursor = 0
      if display.utf8.allSatisfy({ $0 < 0x80 }) {
        toCursor = min(max(0, field.cursor), display.utf8.count)
        let skip = max(0, toCursor - (boxWidth - 1))
        if skip > 0 {
          visible = display[display.utf8.index(display.startIndex, offsetBy: skip)...]
          toCursor -= skip
        }
      } else {
        var index = visible.startIndex
        var remaining = max(0, field.cursor)
        while remaining > 0, index < visible.endIndex {
          toCursor += DisplayWidth.of(visible[index])
          index = visible.index(after: index)
          remaining -= 1
        }
        var start = visible.startIndex
        while toCursor > boxWidth - 1, start < index {
          toCursor -= DisplayWidth.of(visible[start])
          start = visible.index(after: start)
        }
        visible = visible[start...]
      }
      line.segments.append(.init(x: valueX, text: visible, style: .plain, maxWidth: boxWidth))
      used = min(boxWidth, DisplayWidth.of(visible))
      if focused { line.cursorX = valueX + toCursor }
    }
    if used < boxWidth {
      let fillCount = min(boxWidth - used, Self.underscores.utf8.count)
      line.segments.append(
        .init(x: valueX + used, text: Self.underscores.prefix(fillCount), style: .muted))
    }
    line.segments.append(.init(x: valueX + boxWidth, text: "]", style: bracketStyle))
    lines.append(line)

    if let note = field.note, !note.isEmpty {
      appendWrapped(note, x: valueX, style: Self.style(field.noteStyle))
    }
    if let error = field.error, !error.isEmpty {
      appendHanging(prefix: "✗ ", prefixStyle: .errorBold, error, x: valueX, style: .error)
    }
  }

  private mutating func appendChoice(_ choice: ChoiceModel, focused: Bool, labelWidth: Int) {
    var line = BodyLine()
    let enabled = choice.isEnabled
    if focused { line.segments.append(.init(x: 0, text: "›", style: .accentBold)) }
    let symbolStyle: CellStyle = !enabled ? .muted : (focused || choice.isSelected ? .accentBold : .plain)
    line.segments.append(.init(x: 2, text: choice.isSelected ? "●" : "○", style: symbolStyle))
    let labelStyle: CellStyle = !enabled ? .muted : (focused ? .selected : .plain)
    line.segments.append(.init(x: 4, text: Substring(choice.label), style: labelStyle, maxWidth: width - 4))
    let detailX = 4 + labelWidth + 2
    let detailWidth = width - detailX
    if choice.detail.isEmpty {
      lines.append(line)
    } else if detailWidth >= 20 {
      let wrapped = TextWrapper.wrap(choice.detail, width: detailWidth)
      line.segments.append(.init(x: detailX, text: wrapped[0], style: .muted))
      lines.append(line)
      for rest in wrapped.dropFirst() {
        lines.append(BodyLine([.init(x: detailX, text: rest, style: .muted)]))
      }
    } else {
      lines.append(line)
      appendWrapped(choice.detail, x: 6, style: .muted)
    }
  }

  private mutating func appendCheck(_ check: CheckLineModel, spinner: Substring) {
    let symbol: Substring
    let symbolStyle: CellStyle
    var titleStyle: CellStyle = .plain
    switch check.status {
    case .pending:
      symbol = "·"
      symbolStyle = .muted
      titleStyle = .muted
    case .running:
      symbol = spinner
      symbolStyle = .accentBold
    case .pass:
      symbol = "✓"
      symbolStyle = CellStyle(bold: true, role: .success)
    case .warn:
      symbol = "!"
      symbolStyle = CellStyle(bold: true, role: .warning)
    case .fail:
      symbol = "✗"
      symbolStyle = .errorBold
      titleStyle = .strong
    case .skip:
      symbol = "–"
      symbolStyle = .muted
      titleStyle = .muted
    }
    var line = BodyLine([.init(x: 2, text: symbol, style: symbolStyle)])
    var elapsedWidth = 0
    if let ms = check.elapsedMilliseconds {
      let elapsed = ScreenRenderer.formatMilliseconds(ms)
      elapsedWidth = elapsed.utf8.count
      line.segments.append(.init(x: width - elapsedWidth, text: Substring(elapsed), style: .muted))
    }
    let textWidth = width - 4 - (elapsedWidth > 0 ? elapsedWidth + 2 : 0)
    let titleWidth = DisplayWidth.of(check.title)
    line.segments.append(.init(x: 4, text: Substring(check.title), style: titleStyle, maxWidth: textWidth))
    var detailLines: [Substring] = []
    if !check.detail.isEmpty {
      let detailWidth = DisplayWidth.of(check.detail)
      if titleWidth + 2 + detailWidth <= textWidth {
        line.segments.append(.init(x: 4 + titleWidth + 2, text: Substring(check.detail), style: .muted))
      } else {
        detailLines = TextWrapper.wrap(check.detail, width: width - 6)
      }
    }
    lines.append(line)
    for detail in detailLines { lines.append(BodyLine([.init(x: 6, text: detail, style: .muted)])) }
    if let remedy = check.remedy, !remedy.isEmpty, check.status == .fail || check.status == .warn {
      appendHanging(prefix: "→ ", prefixStyle: .accent, remedy, x: 6, style: .plain)
    }
  }

  private mutating func appendAction(_ action: ActionModel, focused: Bool) {
    var line = BodyLine()
    if focused { line.segments.append(.init(x: 0, text: "›", style: .accentBold)) }
    let style: CellStyle = !action.isEnabled ? .muted : (focused ? .selected : .strong)
    let label = "[ " + action.label + " ]"
    line.segments.append(.init(x: 2, text: Substring(label), style: style))
    lines.append(line)
  }

  // MARK: - Messages and progress

  private mutating func appendMessage(_ message: ScreenMessage) {
    let symbol: Substring
    let role: CellStyle.Role
    switch message.kind {
    case .info:
      symbol = "•"
      role = .accent
    case .success:
      symbol = "✓"
      role = .success
    case .warning:
      symbol = "!"
      role = .warning
    case .error:
      symbol = "✗"
      role = .error
    }
    let headline = CellStyle(bold: true, role: role)
    appendHanging(prefix: symbol, prefixStyle: headline, message.title, x: 0, style: headline, gap: 1)
    for text in message.lines { appendWrapped(text, x: 2, style: .plain) }
  }

  private mutating func appendProgress(_ progress: ScreenProgress) {
    let elapsed = ScreenRenderer.formatSeconds(progress.elapsedSeconds)
    var line = BodyLine([.init(x: 0, text: Spinner.frameString(progress.frame), style: .accentBold)])
    let labelWidth = min(DisplayWidth.of(progress.label), width - 4 - elapsed.utf8.count)
    line.segments.append(.init(x: 2, text: Substring(progress.label), style: .plain, maxWidth: labelWidth))
    line.segments.append(.init(x: 2 + labelWidth + 2, text: Substring(elapsed), style: .muted))
    lines.append(line)
  }

  // MARK: - Text

  private mutating func appendWrapped(_ text: String, x: Int, style: CellStyle) {
    for line in TextWrapper.wrap(text, width: width - x) {
      lines.append(BodyLine([.init(x: x, text: line, style: style)]))
    }
  }

  /// A symbol with text beside it whose wrapped lines hang under the text, not the symbol.
  private mutating func appendHanging(
    prefix: Substring, prefixStyle: CellStyle, _ text: String, x: Int, style: CellStyle, gap: Int = 0
  ) {
    let indent = DisplayWidth.of(prefix) + gap
    let wrapped = TextWrapper.wrap(text, width: width - x - indent)
    for (index, part) in wrapped.enumerated() {
      var line = BodyLine([.init(x: x + indent, text: part, style: style)])
      if index == 0 { line.segments.insert(.init(x: x, text: prefix, style: prefixStyle), at: 0) }
      lines.append(line)
    }
  }

  static func style(_ style: TextStyle) -> CellStyle {
    switch style {
    case .normal: .plain
    case .dim: .muted
    case .emphasis: .strong
    case .success: .success
    case .warning: .warning
    case .error: .error
    }
  }
}
