/// Word wrapping by display columns, for intro paragraphs, notes, remedies and overlays.
///
/// Breaks at spaces, breaks words longer than a line (URLs, tokens) wherever they must, keeps
/// `\n` as a hard break, and measures wide characters as two columns. One pass over the
/// unicode scalars, no regex, no grapheme breaking: it runs on every keystroke.
enum TextWrapper {
  static func wrap(_ text: String, width: Int) -> [Substring] {
    let width = max(1, width)
    var lines: [Substring] = []
    // Fast path: one short line (most labels and notes). UTF-8 bytes never undercount columns.
    let utf8 = text.utf8
    if utf8.count <= width, !utf8.contains(10) {
      lines.append(Substring(text))
      return lines
    }
    let scalars = text.unicodeScalars
    var paragraphStart = scalars.startIndex
    while true {
      let newline = scalars[paragraphStart...].firstIndex(of: "\n") ?? scalars.endIndex
      wrapParagraph(scalars[paragraphStart..<newline], width: width, into: &lines)
      if newline == scalars.endIndex { break }
      paragraphStart = scalars.index(after: newline)
    }
    return lines
  }

  private typealias Scalars = Substring.UnicodeScalarView

  private static func wrapParagraph(_ p: Scalars, width: Int, into lines: inout [Substring]) {
    var lineStart = p.startIndex
    var lineWidth = 0
    var lastSpace: String.Index?
    var widthBeforeLastSpace = 0
    var i = p.startIndex
    while i < p.endIndex {
      let scalar = p[i]
      let w = DisplayWidth.of(scalar: scalar)
      if scalar == " " {
        if lineWidth + w > width {
          emit(p[lineStart..<i], into: &lines)
          i = skipSpaces(p, from: i)
          lineStart = i
          lineWidth = 0
          lastSpace = nil
          continue
        }
        lastSpace = i
        widthBeforeLastSpace = lineWidth
      } else if lineWidth + w > width, lineWidth > 0 {
        if let space = lastSpace {
          emit(p[lineStart..<space], into: &lines)
          lineStart = skipSpaces(p, from: space)
          lineWidth = max(0, lineWidth - widthBeforeLastSpace - 1)
        } else {
          emit(p[lineStart..<i], into: &lines)
          lineStart = i
          lineWidth = 0
        }
        lastSpace = nil
      }
      lineWidth += w
      i = p.index(after: i)
    }
    if lineStart < p.endIndex || p.isEmpty {
      emit(p[lineStart..<p.endIndex], into: &lines)
    }
  }

  private static func skipSpaces(_ p: Scalars, from start: String.Index) -> String.Index {
    var i = start
    while i < p.endIndex, p[i] == " " { i = p.index(after: i) }
    return i
  }

  private static func emit(_ line: Scalars, into lines: inout [Substring]) {
    var end = line.endIndex
    while end > line.startIndex {
      let before = line.index(before: end)
      if line[before] != " " { break }
      end = before
    }
    lines.append(Substring(line[line.startIndex..<end]))
  }
}
