/// A picture of the whole terminal as a value: a grid of styled cells plus the cursor.
///
/// Screens render into a Frame so that layout is pure and testable: golden files compare
/// `lines()`, and only `NcursesTerminal` copies a Frame to the real terminal. Every drawing
/// call clips to the grid, so a layout bug can cut text short but never crash or wrap.
public struct Frame: Equatable, Sendable {
  public let width: Int
  public let height: Int
  /// Row-major cells, `width * height` of them.
  public private(set) var cells: [Cell]
  /// Where the terminal cursor should blink (the focused text field), or nil to hide it.
  public var cursor: CellPosition?

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
    cursor = nil
  }

  /// The cell at a position; a blank cell outside the grid.
  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < width, y < height else { return .blank }
    return cells[y * width + x]
  }

  /// Draws text on one row, starting at column `x`, never past `maxWidth` columns or the edge.
  ///
  /// Wide characters take two columns and are left out whole when only one column is left;
  /// control characters are drawn as `?` so typed input can never move the real cursor.
  /// - Returns: the column after the last one written.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < height else { return x }
    var limit = width
    if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
    var column = x
    for character in text {
      let columns = DisplayWidth.of(character)
      if columns == 0 { continue }
      if column + columns > limit { break }
      if column >= 0 {
        setCell(column, y, Self.visible(character), style, columns)
      }
      column += columns
    }
    return column
  }

  /// Writes one cell (and its continuation) keeping wide characters whole.
  @inline(__always)
  private mutating func setCell(
    _ x: Int, _ y: Int, _ character: Character, _ style: CellStyle, _ columns: Int
  ) {
    let row = y * width
    // Overwriting half of a wide character leaves the other half as a blank.
    if cells[row + x].width == 0, x > 0 {
      cells[row + x - 1] = Cell(character: " ", style: cells[row + x - 1].style)
    }
    let last = x + columns - 1
    if cells[row + last].width == 2, last + 1 < width {
      cells[row + last + 1] = Cell(character: " ", style: cells[row + last + 1].style)
    }
    cells[row + x] = Cell(character: character, style: style, width: UInt8(columns))
    if columns == 2 {
      cells[row + x + 1] = Cell(character: " ", style: style, width: 0)
    }
  }

  @inline(__always)
  private static func visible(_ character: Character) -> Character {
    if let ascii = character.asciiValue {
      if ascii == 9 { return " " }
      if ascii < 0x20 || ascii == 0x7F { return "?" }
      return character
    }
    if let scalar = character.unicodeScalars.first, scalar.value >= 0x80, scalar.value < 0xA0 {
      return "?"
    }
    return character
  }

  /// Fills a rectangle with blanks in a style, e.g. to clear what an overlay covers.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x + w)
    let y1 = min(height, y + h)
    guard x0 < x1, y0 < y1 else { return }
    let blank = Cell(character: " ", style: style)
    for row in y0..<y1 {
      if x0 > 0, cells[row * width + x0].width == 0 {
        cells[row * width + x0 - 1] = Cell(character: " ", style: cells[row * width + x0 - 1].style)
      }
      if x1 < width, cells[row * width + x1].width == 0 {
        cells[row * width + x1] = Cell(character: " ", style: cells[row * width + x1].style)
      }
      for column in x0..<x1 { cells[row * width + column] = blank }
    }
  }

  /// Draws a rectangle with Unicode box lines (not ACS, which tmux shows as `lqqk`).
  ///
  /// A title is set into the top edge as `┌─ Title ──┐`; the inside is cleared when `clear`.
  public mutating func box(
    x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain, title: String? = nil,
    titleStyle: CellStyle = .strong, clear: Bool = false
  ) {
    guard w >= 2, h >= 2 else { return }
    if clear { fill(x: x + 1, y: y + 1, width: w - 2, height: h - 2) }
    horizontalLine(x: x, y: y, width: w, left: "┌", right: "┐", style: style)
    horizontalLine(x: x, y: y + h - 1, width: w, left: "└", right: "┘", style: style)
    for row in (y + 1)..<(y + h - 1) {
      put("│", x: x, y: row, style: style)
      put("│", x: x + w - 1, y: row, style: style)
    }
    if let title, w > 6 {
      let end = put(" ", x: x + 2, y: y, style: style)
      let after = put(title, x: end, y: y, style: titleStyle, maxWidth: w - 6)
      put(" ", x: after, y: y, style: style)
    }
  }

  private mutating func horizontalLine(
    x: Int, y: Int, width w: Int, left: Character, right: Character, style: CellStyle
  ) {
    guard y >= 0, y < height else { return }
    put(String(left), x: x, y: y, style: style)
    let x0 = max(0, x + 1)
    let x1 = min(width, x + w - 1)
    if x0 < x1 {
      for column in x0..<x1 { setCell(column, y, "─", style, 1) }
    }
    put(String(right), x: x + w - 1, y: y, style: style)
  }

  /// The plain text of every row, trailing spaces trimmed: the form golden files use.
  public func lines() -> [String] {
    var result: [String] = []
    result.reserveCapacity(height)
    for row in 0..<height {
      var line = ""
      line.reserveCapacity(width)
      var pendingSpaces = 0
      for column in 0..<width {
        let cell = cells[row * width + column]
        if cell.width == 0 { continue }
        if cell.character == " " {
          pendingSpaces += 1
          continue
        }
        if pendingSpaces > 0 {
          line.append(String(repeating: " ", count: pendingSpaces))
          pendingSpaces = 0
        }
        line.append(cell.character)
      }
      result.append(line)
    }
    return result
  }
}
