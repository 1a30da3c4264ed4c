/// One row of a screen's scrollable body, laid out before it is known which rows fit.
///
/// The renderer first turns the model into rows, then picks the window that keeps the focused
/// item visible, then paints only those rows; that is what makes scrolling cheap and simple.
struct BodyLine {
  /// A run of text at a column relative to the body's left edge.
  struct Segment {
    var x: Int
    var text: Substring
    var style: CellStyle
    /// Columns the segment may use; nil up to the body's right edge.
    var maxWidth: Int?
  }

  var segments: [Segment]
  /// Column of the text cursor on this row, relative to the body's left edge.
  var cursorX: Int?

  init(_ segments: [Segment] = [], cursorX: Int? = nil) {
    self.segments = segments
    self.cursorX = cursorX
  }

  static let empty = BodyLine()
}
