import TextSafety

/// A picture of the whole terminal as a value: a grid of styled cells plus the cursor.
///
/// Screens render into a Frame so that layout is pure and testable: golden files compare
/// `lines()`, and only `NcursesTerminal` copies a Frame to the real terminal. Every drawing
/// call clips to the grid, so a layout bug can cut text short but never crash or wrap.
public struct Frame: Equatable, Sendable {
  public let width: Int
  public let height: Int
  /// Row-major cells, `width * height` of them.
  var storage: [PackedCell]
  /// Zero-width scalars drawn together with a cell's scalar (see `PackedCell.cluster`).
  var clusters: [String.UnicodeScalarView]
  /// Where the terminal cursor should blink (the focused text field), or nil to hide it.
  public var cursor: CellPosition?
  /// How far the body was scrolled from its automatic position, after clamping to the text
  /// there is; the runtime hands it back to the state (`WizardEvent.scrollSettled`).
  public var scroll: Int = 0

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    storage = Array(repeating: .blank, count: self.width * self.height)
    clusters = []
    cursor = nil
  }

  public static func == (lhs: Frame, rhs: Frame) -> Bool {
    guard lhs.width == rhs.width, lhs.height == rhs.height, lhs.cursor == rhs.cursor else { return false }
    if lhs.clusters.isEmpty && rhs.clusters.isEmpty { return lhs.storage == rhs.storage }
    for index in lhs.storage.indices where lhs.cell(at: index) != rhs.cell(at: index) { return false }
    return true
  }

  /// The cell at a position; a blank cell outside the grid.
  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < width, y < height else { return .blank }
    return cell(at: y * width + x)
  }

  private func cell(at index: Int) -> Cell {
    let packed = storage[index]
    return Cell(character: character(packed), style: packed.style, width: packed.width)
  }

  /// The grapheme a stored cell shows, with its zero-width companions.
  func character(_ packed: PackedCell) -> Character {
    guard packed.cluster >= 0 else { return Character(packed.scalar) }
    var text = String.UnicodeScalarView()
    text.append(packed.scalar)
    text.append(contentsOf: clusters[Int(packed.cluster)])
    return Character(String(text))
  }

  /// Draws text on one row, starting at column `x`, never past `maxWidth` columns or the edge.
  ///
  /// Wide characters take two columns and are left out whole when only one column is left;
  /// control characters (`UntrustedText.isControl`) are drawn as `?` so typed input or a
  /// server's message can never move the real cursor or reorder the line.
  /// - Returns: the column after the last one written.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < height else { return x }
    var limit = width
    if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
    let row = y * width
    var column = x
    var lastWritten = -1
    for scalar in text.unicodeScalars {
      let value = scalar.value
      var shown = scalar
      let columns: Int
      if UntrustedText.isControl(scalar) {
        // One cell, never the control itself: C0, DEL, C1 and the bidi controls, which are
        // zero-width and would otherwise ride along in a cluster to the terminal.
        shown = value == 9 ? " " : "?"
        columns = 1
      } else if value < 0x7F {
        columns = 1
      } else {
        columns = DisplayWidth.of(scalar: scalar)
        if columns == 0 {
          if lastWritten >= 0 { attach(scalar, to: lastWritten) }
          continue
        }
      }
      if column + columns > limit { break }
      if column >= 0 {
        setCell(row, column, shown, style, columns)
        lastWritten = row + column
      }
      column += columns
    }
    return column
  }

  private mutating func attach(_ scalar: Unicode.Scalar, to index: Int) {
    let cluster = storage[index].cluster
    if cluster >= 0 {
      clusters[Int(cluster)].append(scalar)
    } else {
      storage[index].cluster = Int32(clusters.count)
      clusters.append(String.UnicodeScalarView([scalar]))
    }
  }

  /// Writes one cell (and its continuation) keeping wide characters whole.
  @inline(__always)
  private mutating func setCell(
    _ row: Int, _ x: Int, _ scalar: Unicode.Scalar, _ style: CellStyle, _ columns: Int
  ) {
    // Overwriting half of a wide character leaves the other half as a blank.
    if storage[row + x].width == 0, x > 0 {
      blank(row + x - 1)
    }
    let last = x + columns - 1
    if storage[row + last].width == 2, last + 1 < width {
      blank(row + last + 1)
    }
    storage[row + x] = PackedCell(scalar: scalar, style: style, width: UInt8(columns))
    if columns == 2 {
      storage[row + x + 1] = PackedCell(scalar: " ", style: style, width: 0)
    }
  }

  @inline(__always)
  private mutating func blank(_ index: Int) {
    storage[index] = PackedCell(scalar: " ", style: storage[index].style, width: 1)
  }

  /// Fills a rectangle with blanks in a style, e.g. to clear what an overlay covers.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x + w)
    let y1 = min(height, y + h)
    guard x0 < x1, y0 < y1 else { return }
    let blankCell = PackedCell(scalar: " ", style: style, width: 1)
    for row in y0..<y1 {
      if x0 > 0, storage[row * width + x0].width == 0 { blank(row * width + x0 - 1) }
      if x1 < width, storage[row * width + x1].width == 0 { blank(row * width + x1) }
      for column in x0..<x1 { storage[row * width + column] = blankCell }
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
    var row = max(0, y + 1)
    while row < min(height, y + h - 1) {
      put("│", x: x, y: row, style: style)
      put("│", x: x + w - 1, y: row, style: style)
      row += 1
    }
    if let title, w > 6 {
      let end = put(" ", x: x + 2, y: y, style: style)
      let after = put(title, x: end, y: y, style: titleStyle, maxWidth: w - 6)
      put(" ", x: after, y: y, style: style)
    }
  }

  private mutating func horizontalLine(
    x: Int, y: Int, width w: Int, left: String, right: String, style: CellStyle
  ) {
    guard y >= 0, y < height else { return }
    put(left, x: x, y: y, style: style)
    let x0 = max(0, x + 1)
    let x1 = min(width, x + w - 1)
    if x0 < x1 {
      for column in x0..<x1 { setCell(y * width, column, "─", style, 1) }
    }
    put(right, x: x + w - 1, y: y, style: style)
  }

  /// The plain text of every row, trailing spaces trimmed: the form golden files use.
  public func lines() -> [String] {
    var result: [String] = []
    result.reserveCapacity(height)
    for row in 0..<height {
      var line = String.UnicodeScalarView()
      var pendingSpaces = 0
      for column in 0..<width {
        let cell = storage[row * width + column]
        if cell.width == 0 { continue }
        if cell.scalar == " " && cell.cluster < 0 {
          pendingSpaces += 1
          continue
        }
        while pendingSpaces > 0 {
          line.append(" ")
          pendingSpaces -= 1
        }
        line.append(cell.scalar)
        if cell.cluster >= 0 { line.append(contentsOf: clusters[Int(cell.cluster)]) }
      }
      result.append(String(line))
    }
    return result
  }
}
