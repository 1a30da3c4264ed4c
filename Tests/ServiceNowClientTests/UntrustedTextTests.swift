import TextSafety
import XCTest

/// Outside text never reaches a terminal with a character the terminal would act on.
final class UntrustedTextTests: XCTestCase {
  func testEveryControlCharacterBecomesVisible() {
    var raw = ""
    for value in UInt32(0)...0xA0 { raw.unicodeScalars.append(Unicode.Scalar(value)!) }
    raw += "\u{202E}\u{2066}\u{2028}ok"
    let line = UntrustedText(raw).line
    XCTAssertFalse(line.unicodeScalars.contains { UntrustedText.isControl($0) }, line)
    XCTAssertTrue(line.hasSuffix("ok"), line)
    XCTAssertTrue(line.contains("␛"), line)
    let lines = UntrustedText("a\nb\tc\r\u{1B}[2J").lines
    XCTAssertEqual(lines, "a\nb\tc␍␛[2J")
  }

  func testPlainTextIsUnchanged() {
    XCTAssertEqual(UntrustedText("Insufficient rights — ça va, 日本").line, "Insufficient rights — ça va, 日本")
  }
}
