import Testing

@testable import TerminalUI

@Suite struct TextWrapperTests {
  @Test func wrapsAtSpacesWithinTheWidth() {
    let lines = TextWrapper.wrap("the quick brown fox jumps over the lazy dog", width: 10)
    #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
  }

  @Test func breaksWordsLongerThanALine() {
    let lines = TextWrapper.wrap("see https://dev12345.service-now.com/api now", width: 12)
    #expect(lines == ["see", "https://dev1", "2345.service", "-now.com/api", "now"])
  }

  @Test func keepsNewlinesAsHardBreaks() {
    #expect(TextWrapper.wrap("one\n\ntwo", width: 20) == ["one", "", "two"])
  }

  @Test func measuresWideCharactersAsTwoColumns() {
    let lines = TextWrapper.wrap("日本語の文章です", width: 5)
    #expect(lines == ["日本", "語の", "文章", "です"])
  }

  @Test func collapsesSpacesAtABreak() {
    #expect(TextWrapper.wrap("aaaa     bbbb", width: 6) == ["aaaa", "bbbb"])
  }

  @Test func emptyTextIsOneEmptyLine() {
    #expect(TextWrapper.wrap("", width: 10) == [""])
  }

  @Test func tinyWidthsStillMakeProgress() {
    #expect(TextWrapper.wrap("abc", width: 0) == ["a", "b", "c"])
  }

  @Test func aVeryLongInputWrapsIntoBoundedLines() {
    let lines = TextWrapper.wrap(String(repeating: "x", count: 2000), width: 70)
    #expect(lines.count == 29)
    #expect(lines.allSatisfy { $0.count <= 70 })
  }
}
