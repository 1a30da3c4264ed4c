import Testing

@testable import Platform

@Suite struct ASCIIFoldingTests {
  @Test func scalarsThatFoldToASCIILettersGiveThoseLetters() {
    #expect(ASCIIFolding.letters(of: "ß") == ["s", "s"])
    #expect(ASCIIFolding.letters(of: "ẞ") == ["s", "s"])
    #expect(ASCIIFolding.letters(of: "ſ") == ["s"])
    #expect(ASCIIFolding.letters(of: "\u{212A}") == ["k"])
    #expect(ASCIIFolding.letters(of: "ﬃ") == ["f", "f", "i"])
    #expect(ASCIIFolding.letters(of: "ﬆ") == ["s", "t"])
  }

  @Test func otherScalarsHaveNoASCIIFolding() {
    // ASCII letters stand for themselves; é and İ fold to more than ASCII letters.
    for scalar: Unicode.Scalar in ["s", "S", "k", "é", "İ", "ŉ", "\u{301}"] {
      #expect(ASCIIFolding.letters(of: scalar) == nil)
    }
  }

  @Test func onlyASCIICapitalsAreLowerCased() {
    #expect(ASCIIFolding.lowercased("S") == "s")
    #expect(ASCIIFolding.lowercased("s") == "s")
    #expect(ASCIIFolding.lowercased("É") == "É")
    #expect(ASCIIFolding.lowercased("_") == "_")
  }

  @Test func everyFoldingIsLowerCaseASCIILetters() {
    for (scalar, letters) in ASCIIFolding.foldings {
      #expect(!scalar.isASCII)
      #expect(!letters.isEmpty && letters.allSatisfy { ("a"..."z").contains($0) })
    }
  }
}
