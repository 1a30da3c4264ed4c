import Testing

@testable import TerminalUI

@Suite struct FrameTests {
  @Test func putWritesTextAndReturnsTheNextColumn() {
    var frame = Frame(width: 10, height: 2)
    let end = frame.put("abc", x: 2, y: 1)
    #expect(end == 5)
    #expect(frame.lines() == ["", "  abc"])
  }

  @Test func textIsClippedAtTheRightEdgeAndAtMaxWidth() {
    var frame = Frame(width: 6, height: 2)
    frame.put("abcdefghij", x: 2, y: 0)
    frame.put("abcdefghij", x: 0, y: 1, maxWidth: 3)
    #expect(frame.lines() == ["  abcd", "abc"])
  }

  @Test func drawingOutsideTheFrameIsIgnored() {
    var frame = Frame(width: 4, height: 1)
    frame.put("zz", x: 0, y: -1)
    frame.put("zz", x: 0, y: 1)
    frame.put("abcdef", x: -2, y: 0)
    #expect(frame.lines() == ["cdef"])
    #expect(frame[-1, 0] == .blank)
    #expect(frame[9, 9] == .blank)
  }

  @Test func wideCharactersTakeTwoColumns() {
    var frame = Frame(width: 10, height: 1)
    let end = frame.put("日本x", x: 0, y: 0)
    #expect(end == 5)
    #expect(frame[0, 0].width == 2)
    #expect(frame[1, 0].isContinuation)
    #expect(frame[2, 0].character == "本")
    #expect(frame[4, 0].character == "x")
    #expect(frame.lines() == ["日本x"])
  }

  @Test func aWideCharacterThatDoesNotFitIsLeftOutWhole() {
    var frame = Frame(width: 3, height: 1)
    let end = frame.put("a日本", x: 0, y: 0)
    #expect(end == 3)
    #expect(frame.lines() == ["a日"])
    var narrow = Frame(width: 10, height: 1)
    narrow.put("日本", x: 0, y: 0, maxWidth: 3)
    #expect(narrow.lines() == ["日"])
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var frame = Frame(width: 6, height: 1)
    frame.put("日本", x: 0, y: 0)
    frame.put("x", x: 1, y: 0)
    #expect(frame.lines() == [" x本"])
    frame.put("y", x: 2, y: 0)
    #expect(frame.lines() == [" xy"])
    #expect(frame[3, 0].isContinuation == false)
  }

  @Test func emojiAndCombiningMarksAreMeasuredAsTerminalsDrawThem() {
    #expect(DisplayWidth.of("é" as Character) == 1)
    #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
    #expect(DisplayWidth.of("🙂" as Character) == 2)
    #expect(DisplayWidth.of("✓" as Character) == 1)
    #expect(DisplayWidth.of("⠋" as Character) == 1)
    #expect(DisplayWidth.of("Ａ" as Character) == 2)
    #expect(DisplayWidth.of("\u{200B}" as Character) == 0)
    #expect(DisplayWidth.of("日本 ok") == 7)
  }

  @Test func controlCharactersAreDrawnVisiblyAndNeverReachTheTerminal() {
    var frame = Frame(width: 12, height: 1)
    frame.put("a\u{1B}[2Jb\tc\u{7F}\u{85}", x: 0, y: 0)
    #expect(frame.lines() == ["a?[2Jb c??"])
  }

  @Test func boxDrawsUnicodeLinesWithATitle() {
    var frame = Frame(width: 12, height: 3)
    frame.box(x: 0, y: 0, width: 12, height: 3, title: "Help")
    #expect(frame.lines() == ["┌─ Help ───┐", "│          │", "└──────────┘"])
  }

  @Test func boxClearsWhatItCoversWhenAsked() {
    var frame = Frame(width: 6, height: 3)
    for row in 0..<3 { frame.put("xxxxxx", x: 0, y: row) }
    frame.box(x: 1, y: 0, width: 4, height: 3, clear: true)
    #expect(frame.lines() == ["x┌──┐x", "x│  │x", "x└──┘x"])
  }

  @Test func linesTrimTrailingSpacesOnly() {
    var frame = Frame(width: 8, height: 1)
    frame.put(" a  b ", x: 0, y: 0)
    #expect(frame.lines() == [" a  b"])
  }

  @Test func emptyAndNegativeSizesAreSafe() {
    var frame = Frame(width: -3, height: 0)
    frame.put("abc", x: 0, y: 0)
    frame.box(x: 0, y: 0, width: 5, height: 5)
    frame.fill(x: 0, y: 0, width: 3, height: 3)
    #expect(frame.width == 0)
    #expect(frame.lines().isEmpty)
  }
}
