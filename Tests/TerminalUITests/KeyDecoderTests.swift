import CNcursesw
import Testing
import WizardCore

@testable import TerminalUI

@Suite struct KeyDecoderTests {
  @Test func controlCharactersBecomeWizardKeys() {
    #expect(KeyDecoder.character(9) == .tab)
    #expect(KeyDecoder.character(10) == .enter)
    #expect(KeyDecoder.character(13) == .enter)
    #expect(KeyDecoder.character(27) == .escape)
    #expect(KeyDecoder.character(127) == .backspace)
    #expect(KeyDecoder.character(8) == .backspace)
    #expect(KeyDecoder.character(3) == .interrupt)
    #expect(KeyDecoder.character(18) == .toggleReveal)
    #expect(KeyDecoder.character(21) == .deleteToStart)
  }

  @Test func readlineKeysAndAltKeysEditByWord() {
    #expect(KeyDecoder.character(1) == .home)
    #expect(KeyDecoder.character(5) == .end)
    #expect(KeyDecoder.character(11) == .deleteToEnd)
    #expect(KeyDecoder.character(23) == .deleteWordBackward)
    #expect(KeyDecoder.alt(0x62) == .wordLeft)
    #expect(KeyDecoder.alt(0x66) == .wordRight)
    #expect(KeyDecoder.alt(127) == .deleteWordBackward)
    #expect(KeyDecoder.alt(0x78) == nil)  // Alt-x: nothing, and never Esc
    #expect(KeyDecoder.namedKey("kLFT5") == .wordLeft)
    #expect(KeyDecoder.namedKey("kRIT3") == .wordRight)
    #expect(KeyDecoder.namedKey("kUP5") == nil)
    #expect(KeyDecoder.controlSequence("1;5D") == .wordLeft)
    #expect(KeyDecoder.controlSequence("1;5C") == .wordRight)
    #expect(KeyDecoder.controlSequence("5~") == .pageUp)
    #expect(KeyDecoder.controlSequence("99x") == nil)
    #expect(KeyDecoder.applicationKey(0x41) == .up)
    #expect(KeyDecoder.applicationKey(0x50) == .help)
    #expect(KeyDecoder.applicationKey(0x7A) == nil)
  }

  @Test func printableCharactersIncludingWideOnesAreTyped() {
    #expect(KeyDecoder.character(65) == .character("A"))
    #expect(KeyDecoder.character(0x65E5) == .character("日"))
    #expect(KeyDecoder.character(0x1F642) == .character("🙂"))
  }

  @Test func otherControlCodesAreIgnored() {
    #expect(KeyDecoder.character(0) == nil)
    #expect(KeyDecoder.character(7) == nil)
    #expect(KeyDecoder.character(0x9B) == nil)
    #expect(KeyDecoder.character(0xD800) == nil)
  }

  @Test func functionKeysBecomeWizardKeys() {
    #expect(KeyDecoder.functionKey(sg_KEY_BTAB) == .backTab)
    #expect(KeyDecoder.functionKey(sg_KEY_UP) == .up)
    #expect(KeyDecoder.functionKey(sg_KEY_DOWN) == .down)
    #expect(KeyDecoder.functionKey(sg_KEY_LEFT) == .left)
    #expect(KeyDecoder.functionKey(sg_KEY_RIGHT) == .right)
    #expect(KeyDecoder.functionKey(sg_KEY_ENTER) == .enter)
    #expect(KeyDecoder.functionKey(sg_KEY_BACKSPACE) == .backspace)
    #expect(KeyDecoder.functionKey(sg_KEY_DC) == .delete)
    #expect(KeyDecoder.functionKey(sg_KEY_HOME) == .home)
    #expect(KeyDecoder.functionKey(sg_KEY_END) == .end)
    #expect(KeyDecoder.functionKey(sg_KEY_PPAGE) == .pageUp)
    #expect(KeyDecoder.functionKey(sg_KEY_NPAGE) == .pageDown)
    #expect(KeyDecoder.functionKey(sg_key_f(1)) == .help)
    #expect(KeyDecoder.functionKey(sg_key_f(5)) == nil)
  }
}
