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

  @Test func headersJSONAndURLCredentialsAreMasked() {
    #expect(Scrubber.scrub("X-UserToken: abc\r\nnext") == "X-UserToken: ••••••\r\nnext")
    #expect(Scrubber.scrub("Authorization:\tBearer tok\"rest") == "Authorization:\tBearer ••••••\"rest")
    #expect(Scrubber.scrub("{\"ID_TOKEN\" :\n\"x\"}") == "{\"ID_TOKEN\" :\n\"••••••\"}")
    #expect(
      Scrubber.scrub("https://user:pa ss@host/ http://a:b@c/") == "https://user:pa ss@host/ http://••••••@c/")
  }
}
