import WizardCore

/// Lays out a `ScreenModel` as a `Frame` of any size: header, framed body, footer, overlays.
///
/// Pure and allocation-light because it runs on every keystroke: the body is first laid out
/// as rows, then the window of rows that keeps the focused item (and the latest results)
/// visible is painted, with ↑/↓ markers on the frame when more is hidden.
public enum ScreenRenderer {
  /// Below this size the layout cannot explain itself, so a "terminal too small" screen shows.
  public static let minimumWidth = 60
  public static let minimumHeight = 20

  /// Columns between the body frame and its text.
  static let padding = 2

  public static func render(_ model: ScreenModel, width: Int, height: Int) -> Frame {
    var frame = Frame(width: width, height: height)
    guard width >= minimumWidth, height >= minimumHeight else {
      drawTooSmall(into: &frame)
      return frame
    }
    drawHeader(model, into: &frame)
    frame.box(x: 0, y: 1, width: width, height: height - 2, style: .muted)

    let left = 1 + padding
    let contentWidth = width - 2 - 2 * padding
    let rows = height - 4
    let top = 2
    let body = BodyLayout.layout(model, width: contentWidth)
    let count = body.lines.count

    // One row of context under the focused item, so the list visibly goes on.
    var end = body.focus.map { min(count, $0.upperBound + 1) } ?? 0
    if body.hasTrailingOutput { end = count }
    var offset = max(0, end - rows)
    if let focus = body.focus, offset > focus.lowerBound { offset = focus.lowerBound }
    offset = max(0, min(offset, count - rows))
    // PgUp/PgDn and ↑/↓ past the ends move the window from there, as far as there is text.
    let automatic = offset
    offset = max(0, min(offset + model.scroll, count - rows))
    frame.scroll = offset - automatic

    var cursor: CellPosition?
    var row = 0
    while row < rows, offset + row < count {
      let line = body.lines[offset + row]
      for segment in line.segments {
        let available = contentWidth - segment.x
        frame.put(
          segment.text, x: left + segment.x, y: top + row, style: segment.style,
          maxWidth: min(available, segment.maxWidth ?? available))
      }
      if let x = line.cursorX { cursor = CellPosition(x: left + min(x, contentWidth - 1), y: top + row) }
      row += 1
    }
    if offset > 0 { frame.put(" ↑ more ", x: width - 11, y: 1, style: .muted) }
    if offset + rows < count { frame.put(" ↓ more ", x: width - 11, y: height - 2, style: .muted) }

    drawFooter(model.hints, into: &frame)
    frame.cursor = cursor
    if let help = model.help {
      drawHelp(help, into: &frame)
      frame.cursor = nil
    }
    if let dialog = model.dialog {
      drawDialog(dialog, into: &frame)
      frame.cursor = nil
    }
    return frame
  }

  // MARK: - Chrome

  static func drawHeader(_ model: ScreenModel, into frame: inout Frame) {
    let width = frame.width
    var x = frame.put("snowgate", x: 1, y: 0, style: .accentBold)
    var stepX = width - 1
    if let step = model.step {
      stepX = width - 1 - DisplayWidth.of(step)
      frame.put(step, x: stepX, y: 0, style: .muted)
    }
    x = frame.put(" › ", x: x, y: 0, style: .muted)
    frame.put(model.title, x: x, y: 0, style: .strong, maxWidth: stepX - 2 - x)
  }

  static func drawFooter(_ hints: [KeyHint], into frame: inout Frame) {
    let y = frame.height - 1
    let limit = frame.width - 1
    var x = 1
    for hint in hints {
      if x > 1 { x += 2 }
      let keyWidth = DisplayWidth.of(hint.key)
      let actionWidth = DisplayWidth.of(hint.action)
      // Leave a hint out whole rather than cut it in half.
      if x + keyWidth + 1 + actionWidth > limit { break }
      x = frame.put(hint.key, x: x, y: y, style: .accentBold)
      x = frame.put(hint.action, x: x + 1, y: y, style: .plain)
    }
  }

  static func drawHelp(_ help: HelpOverlay, into frame: inout Frame) {
    let boxWidth = min(frame.width - 8, 72)
    var lines: [Substring] = []
    for line in help.lines { lines.append(contentsOf: TextWrapper.wrap(line, width: boxWidth - 4)) }
    let boxHeight = min(lines.count + 4, frame.height - 4)
    let x = (frame.width - boxWidth) / 2
    let y = max(1, (frame.height - boxHeight) / 2)
    frame.fill(x: x - 1, y: y, width: boxWidth + 2, height: boxHeight)  // a margin around it
    frame.box(
      x: x, y: y, width: boxWidth, height: boxHeight, style: .accent, title: help.title,
      titleStyle: .accentBold, clear: true)
    let visible = boxHeight - 4
    for (index, line) in lines.prefix(visible).enumerated() {
      frame.put(line, x: x + 2, y: y + 2 + index, maxWidth: boxWidth - 4)
    }
    if lines.count > visible {
      frame.put(" ↓ more ", x: x + boxWidth - 10, y: y + boxHeight - 1, style: .muted)
    }
  }

  static func drawDialog(_ dialog: Dialog, into frame: inout Frame) {
    var optionsWidth = 0
    for option in dialog.options {
      optionsWidth += DisplayWidth.of(option.key) + 3 + DisplayWidth.of(option.action) + 3
    }
    var widest = optionsWidth
    for line in dialog.lines { widest = max(widest, DisplayWidth.of(line)) }
    widest = max(widest, DisplayWidth.of(dialog.title) + 4)
    let boxWidth = max(min(widest + 4, frame.width - 8), min(40, frame.width - 8))
    var lines: [Substring] = []
    for line in dialog.lines { lines.append(contentsOf: TextWrapper.wrap(line, width: boxWidth - 4)) }
    let boxHeight = min(lines.count + 5, frame.height - 4)
    let x = (frame.width - boxWidth) / 2
    let y = max(1, (frame.height - boxHeight) / 2)
    frame.fill(x: x - 1, y: y, width: boxWidth + 2, height: boxHeight)  // a margin around it
    frame.box(
      x: x, y: y, width: boxWidth, height: boxHeight, style: .accent, title: dialog.title,
      titleStyle: .accentBold, clear: true)
    for (index, line) in lines.prefix(max(0, boxHeight - 5)).enumerated() {
      frame.put(line, x: x + 2, y: y + 2 + index, maxWidth: boxWidth - 4)
    }
    let optionsY = y + boxHeight - 2
    var optionX = x + 2
    let limit = x + boxWidth - 2
    for option in dialog.options {
      optionX = frame.put("[", x: optionX, y: optionsY, style: .muted, maxWidth: limit - optionX)
      optionX = frame.put(option.key, x: optionX, y: optionsY, style: .accentBold, maxWidth: limit - optionX)
      optionX = frame.put("] ", x: optionX, y: optionsY, style: .muted, maxWidth: limit - optionX)
      optionX = frame.put(option.action, x: optionX, y: optionsY, maxWidth: limit - optionX)
      optionX += 3
    }
  }

  static func drawTooSmall(into frame: inout Frame) {
    let text =
      "snowgate needs at least " + String(minimumWidth) + "×" + String(minimumHeight)
      + "; this terminal is " + String(frame.width) + "×" + String(frame.height)
      + ". Make the window larger."
    let lines = TextWrapper.wrap(text, width: max(1, frame.width - 2))
    let y0 = max(0, (frame.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
      let x = max(0, (frame.width - DisplayWidth.of(line)) / 2)
      frame.put(line, x: x, y: y0 + index, style: .strong)
    }
  }

  // MARK: - Formatting without Foundation

  /// "41ms", "3.2s", "12s": precise while short, calm once long.
  static func formatMilliseconds(_ milliseconds: Int) -> String {
    let ms = max(0, milliseconds)
    if ms < 1000 { return String(ms) + "ms" }
    if ms < 10_000 { return String(ms / 1000) + "." + String(ms % 1000 / 100) + "s" }
    return formatSeconds(ms / 1000)
  }

  /// "12s", "2m 05s".
  static func formatSeconds(_ seconds: Int) -> String {
    let s = max(0, seconds)
    if s < 60 { return String(s) + "s" }
    let rest = s % 60
    return String(s / 60) + "m " + (rest < 10 ? "0" : "") + String(rest) + "s"
  }
}
