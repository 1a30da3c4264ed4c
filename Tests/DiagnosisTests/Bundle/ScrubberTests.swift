import Testing

@testable import Diagnosis

/// The scrubber's rules give what they gave with NSRegularExpression (ICU): each expectation
/// here is what the old implementation produced for the same text.
@Suite struct ScrubberTests {
  @Test func keyAfterAWordCharacterIsNotAKey() {
    #expect(
      Scrubber.scrub("mycode=1 0code=2 _code=3 -code=4 e\u{301}code=5 x\u{AD}code=6 code=7")
        == "mycode=1 0code=2 _code=3 -code=•••••• e\u{301}code=5 x\u{AD}code=6 code=••••••")
  }

  @Test func aKeyRejectedAtOnePlaceIsStillFoundInsideIt() {
    #expect(Scrubber.scrub("xpassword=code=abc") == "xpassword=code=••••••")
  }

  @Test func keysMatchAsICUCaseFoldingReadThem() {
    #expect(
      Scrubber.scrub("PASSWORD=a&paßword=b&paſsword=c&code_veriﬁer=d")
        == "PASSWORD=••••••&paßword=••••••&paſsword=••••••&code_veriﬁer=••••••")
  }

  @Test func patternsSpellEveryFoldingOfTheirLetters() throws {
    // Overlapping foldings: `sst` is `ss`+`t` (ß) and `s`+`st` (ﬆ, ﬅ) to ICU.
    let regex = try Regex(Scrubber.foldingLikeICU("(?i)^sst$")).matchingSemantics(.unicodeScalar)
    for text in ["sst", "SST", "ſſt", "ßt", "ẞt", "sﬆ", "ſﬅ"] {
      #expect(text.wholeMatch(of: regex) != nil, "\(text)")
    }
    for text in ["st", "ßst", "ﬆ"] {
      #expect(text.wholeMatch(of: regex) == nil, "\(text)")
    }
    // Flags, escapes and classes are left alone; a quantified letter keeps its quantifier.
    #expect(Scrubber.foldingLikeICU(#"(?i)(?:set-)?\s[s]ss?"#) == #"(?i)(?:[sſ]et-)?\s[s][sſ][sſ]?"#)
    #expect(Scrubber.foldingLikeICU("(?i)password") == "(?i)pa(?:[sſ][sſ]|ß|ẞ)word")
  }

  @Test func headersJSONAndURLCredentialsAreMasked() {
    #expect(Scrubber.scrub("X-UserToken: abc\r\nnext") == "X-UserToken: ••••••\r\nnext")
    #expect(Scrubber.scrub("Authorization:\tBearer tok\"rest") == "Authorization:\tBearer ••••••\"rest")
    #expect(Scrubber.scrub("{\"ID_TOKEN\" :\n\"x\"}") == "{\"ID_TOKEN\" :\n\"••••••\"}")
    #expect(
      Scrubber.scrub("https://user:pa ss@host/ http://a:b@c/") == "https://user:pa ss@host/ http://••••••@c/")
  }
}
