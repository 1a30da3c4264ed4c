import CNcursesw
import Foundation
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// Paints through the real ncurses layer without a terminal: `newterm` on files, `resize_term`
/// to a known size, then every cell is read back with `mvwin_wch` and compared with the Frame.
///
/// Serialized: ncurses is one global screen per process.
@Suite(.serialized) struct NcursesPaintTests {
  /// Runs a body with a terminal drawing into /dev/null at the given size.
  private func withFileTerminal(
    width: Int, height: Int, color: Bool = true, _ body: (NcursesTerminal) throws -> Void
  ) throws {
    NcursesTerminal.prepareLocale()
    let output = try #require(fopen("/dev/null", "w"))
    let input = try #require(fopen("/dev/null", "r"))
    defer {
      fclose(output)
      fclose(input)
    }
    let terminal = try #require(
      NcursesTerminal(terminalType: "xterm-256color", output: output, input: input, color: color))
    defer { terminal.restore() }
    terminal.resizeForTesting(width: width, height: height)
    try body(terminal)
  }

  private func expectSameCells(_ frame: Frame, _ terminal: NcursesTerminal) {
    var mismatches: [String] = []
    for y in 0..<frame.height {
      for x in 0..<frame.width {
        let cell = frame[x, y]
        if cell.isContinuation { continue }
        let painted = terminal.cellForTesting(x: x, y: y)
        if painted.text != String(cell.character) {
          mismatches.append("(\(x),\(y)) frame \(cell.character) ncurses \(painted.text)")
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test func paintedCellsReadBackAsTheFrame() throws {
    try withFileTerminal(width: 80, height: 24) { terminal in
      var frame = Frame(width: 80, height: 24)
      frame.box(x: 0, y: 0, width: 80, height: 24, title: "Box ┌─┐")
      frame.put("日本語 wide, 한국어 too", x: 2, y: 2, style: .strong)
      frame.put("✓ ok  ✗ failed  ! warn  ⠋ spin  ●○›", x: 2, y: 3, style: .accent)
      frame.put("bottom-right", x: 68, y: 23)
      frame.put("cafe\u{301} 🙂", x: 2, y: 5)
      terminal.paint(frame)
      #expect(terminal.size == (80, 24))
      expectSameCells(frame, terminal)
      #expect(terminal.cellForTesting(x: 0, y: 0).text == "┌")
      #expect(terminal.cellForTesting(x: 2, y: 2).text == "日")
      #expect(terminal.cellForTesting(x: 4, y: 2).text == "本")
      #expect(terminal.cellForTesting(x: 5, y: 5).text == "e\u{301}")
      #expect(terminal.cellForTesting(x: 7, y: 5).text == "🙂")
    }
  }

  @Test func renderedScreenReadsBackAsItsFrame() throws {
    try withFileTerminal(width: 80, height: 24) { terminal in
      let frame = ScreenRenderer.render(SampleScreens.checks, width: 80, height: 24)
      terminal.draw(frame)
      expectSameCells(frame, terminal)
    }
  }

  @Test func stylesBecomeAttributesAndColourPairs() throws {
    try withFileTerminal(width: 60, height: 20, color: true) { terminal in
      var frame = Frame(width: 60, height: 20)
      frame.put("B", x: 0, y: 0, style: .strong)
      frame.put("E", x: 1, y: 0, style: .error)
      frame.put("R", x: 2, y: 0, style: CellStyle(reverse: true))
      terminal.paint(frame)
      #expect(terminal.cellForTesting(x: 0, y: 0).attributes & sg_A_BOLD != 0)
      #expect(terminal.cellForTesting(x: 1, y: 0).pair == 4)
      #expect(terminal.cellForTesting(x: 2, y: 0).attributes & sg_A_REVERSE != 0)
    }
  }

  @Test func monochromeUsesNoColourPairs() throws {
    try withFileTerminal(width: 60, height: 20, color: false) { terminal in
      #expect(terminal.usesColor == false)
      var frame = Frame(width: 60, height: 20)
      frame.put("E", x: 0, y: 0, style: .error)
      terminal.paint(frame)
      let cell = terminal.cellForTesting(x: 0, y: 0)
      #expect(cell.pair == 0)
      #expect(cell.attributes & sg_A_BOLD != 0)
    }
  }

  @Test func aFrameSmallerThanTheScreenLeavesTheRestBlank() throws {
    try withFileTerminal(width: 60, height: 20) { terminal in
      var big = Frame(width: 60, height: 20)
      big.put(String(repeating: "x", count: 60), x: 0, y: 19)
      terminal.paint(big)
      terminal.paint(Frame(width: 20, height: 5))
      #expect(terminal.cellForTesting(x: 59, y: 19).text == " ")
    }
  }

  /// ncurses measures with the C library's `wcwidth`; the layout's own table must agree, or
  /// text after a symbol would shift by a column on the real screen.
  @Test func layoutWidthsAgreeWithTheCLibrary() {
    NcursesTerminal.prepareLocale()
    let samples: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0xA0...0x2FF, 0x300...0x36F, 0x2010...0x2027, 0x2190...0x21FF, 0x2500...0x25FF,
      0x2600...0x27BF, 0x2800...0x28FF, 0x3000...0x303E, 0x3041...0x30FF, 0x4E00...0x4E40,
      0xAC00...0xAC40, 0xFF01...0xFF60, 0x0370...0x10FF, 0x1100...0x11FF, 0xFE00...0xFE2F,
      0x1F000...0x1FAFF,
    ]
    var disagreements: [String] = []
    for range in samples {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let library = Int(wcwidth(wchar_t(value)))
        let ours = DisplayWidth.of(scalar: scalar)
        if library >= 0, library != ours {
          disagreements.append("U+\(String(value, radix: 16, uppercase: true)) libc \(library) ours \(ours)")
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20))")
  }

  /// Keys typed into the real ncurses input path: bytes from a file, decoded by `wget_wch`
  /// with xterm's key sequences, then by `KeyDecoder`. Alt+b arrives as Esc then b and is a
  /// word move, never Esc; a bracketed paste is one key. (A lone Esc needs a terminal: at end
  /// of file ncurses drops it; in tmux it arrives after 25 ms.)
  @Test func typedBytesArriveAsWizardKeys() throws {
    NcursesTerminal.prepareLocale()
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("snowgate-keys-\(UInt32.random(in: 0...UInt32.max))").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes =
      "a日\t\u{1B}OA\u{1B}OB\u{1B}[Z\u{1B}OP\u{03}\u{12}\u{15}\u{7F}\r\u{1B}b\u{1B}f\u{1B}\u{7F}"
      + "\u{1B}[1;5D\u{1B}[1;5C\u{0B}\u{17}\u{1B}[200~ line one\r\nline \u{1B}[A two\u{1B}[201~z"
    try bytes.write(toFile: path, atomically: true, encoding: .utf8)
    let output = try #require(fopen("/dev/null", "w"))
    let input = try #require(fopen(path, "r"))
    defer {
      fclose(output)
      fclose(input)
    }
    let terminal = try #require(
      NcursesTerminal(terminalType: "xterm-256color", output: output, input: input, color: false))
    defer { terminal.restore() }
    var keys: [TerminalInput] = []
    while keys.count < 40, let input = terminal.readKey(timeoutMilliseconds: 50) { keys.append(input) }
    let expected: [Key] = [
      .character("a"), .character("日"), .tab, .up, .down, .backTab, .help, .interrupt, .toggleReveal,
      .deleteToStart, .backspace, .enter, .wordLeft, .wordRight, .deleteWordBackward, .wordLeft, .wordRight,
      .deleteToEnd, .deleteWordBackward, .paste(Secret(" line one\r\nline \u{1B}[A two")),
      .character("z"),
    ]
    #expect(keys == expected.map { TerminalInput.key($0) })
  }

  @Test func unknownTerminalTypeFailsInsteadOfExiting() throws {
    let output = try #require(fopen("/dev/null", "w"))
    let input = try #require(fopen("/dev/null", "r"))
    defer {
      fclose(output)
      fclose(input)
    }
    let terminal = NcursesTerminal(
      terminalType: "no-such-terminal-snowgate", output: output, input: input, color: true)
    #expect(terminal == nil)
  }

  @Test func restoreTwiceIsHarmless() throws {
    try withFileTerminal(width: 60, height: 20) { terminal in
      #expect(TerminalRestorer.shared.isArmed)
      terminal.restore()
      terminal.restore()
      #expect(TerminalRestorer.shared.isArmed == false)
      #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
    }
  }
}
