import Testing
import TextSafety

@testable import TerminalUI

/// No cell of a Frame ever holds a character a terminal would act on, whatever text is put.
@Suite struct FrameControlTests {
  @Test func noCellHoldsAControlCharacterFromAnyText() {
    var hostile = "ok \u{1B}]0;title\u{07}\u{1B}]52;c;eA==\u{07}\u{1B}[2J\r\u{9B}31m\u{7F}"
    hostile += "a\u{202E}evil\u{2066}b\u{200F}c\u{2028}d"
    for value in UInt32(0)...0xA0 { hostile.unicodeScalars.append(Unicode.Scalar(value)!) }
    var frame = Frame(width: 400, height: 2)
    frame.put(hostile, x: 0, y: 0)
    frame.put(hostile, x: 3, y: 1, style: .plain, maxWidth: 200)
    var seen = 0
    for y in 0..<frame.height {
      for x in 0..<frame.width {
        for scalar in frame[x, y].character.unicodeScalars {
          #expect(
            !UntrustedText.isControl(scalar), "cell \(x),\(y) holds U+\(String(scalar.value, radix: 16))")
          seen += 1
        }
      }
    }
    #expect(seen == 800)
    #expect(frame.lines()[0].hasPrefix("ok ?]0;title??]52;c;eA==??[2J??31m?a?evil?b?c?d"))
  }

  @Test func thePlainTerminalPrintsNoControlCharacterEither() {
    let shown = PlainTerminal.printable("x\u{1B}[2J\u{202E}y\n\u{9B}z")
    #expect(shown == "x?[2J?y\n?z")
  }
}
