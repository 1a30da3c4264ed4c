import Foundation
import Platform
import Testing

/// `PlainString` replaces Foundation's string calls on the check path: on the inputs it serves
/// it must answer exactly as Foundation does.
@Suite struct PlainStringTests {
  static let samples = [
    "", " ", "\t", "  /etc/ssl/ca.pem  ", "\tBASIC realm=\"Service-now\" ", "snow_adc\u{00A0}",
    "\u{3000}wide\u{2003}space\u{202F}", "\n https://acme.service-now.com \r\n", "a\u{2028}", "\u{85}x\u{85}",
    "héllo wörld", "👩‍💻 coder ", "no-blank", "\u{200B}zero-width\u{200B}",
  ]

  @Test(arguments: samples) func trimsAsFoundationTrimsWhitespaces(text: String) {
    #expect(PlainString.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
    #expect(PlainString.trimmed(Substring(text)) == text.trimmingCharacters(in: .whitespaces))
  }

  @Test(arguments: samples) func trimsAsFoundationTrimsWhitespacesAndNewlines(text: String) {
    #expect(PlainString.trimmed(text, newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// A quoted word comes back whole from a real shell, whatever follows its quotes: a `'`
  /// with a combining mark after it is one Character, and quoting by Character once left it
  /// unescaped (`'a'́; echo INJECTED'` ran the echo).
  @Test(arguments: [
    "plain", "it's", "a'\u{301}; echo INJECTED", "'\u{301}'\u{308}x", "\u{301}'", "tab\there 'n' $HOME",
  ])
  func shellQuotedWordsComeBackWholeFromAShell(word: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "printf '%s' " + PlainString.shellQuoted(word)]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(text == word, "quoted as \(PlainString.shellQuoted(word))")
  }

  @Test func replacesEveryOccurrenceOfACharacter() {
    for text in ["a/b/c", "///", "", "none", "dGVzdA==", "a+b/c=", "é/é"] {
      #expect(
        PlainString.replacing("/", with: "\\/", in: text) == text.replacingOccurrences(of: "/", with: "\\/"))
      #expect(PlainString.replacing("=", with: "", in: text) == text.replacingOccurrences(of: "=", with: ""))
    }
  }

  /// By scalar, where Foundation goes by Character: a `/` with a combining mark after it is
  /// replaced too (a JSON encoder escapes every `/`; a shell quote must escape every `'`).
  @Test func replacesAScalarACombiningMarkFollows() {
    #expect(PlainString.replacing("/", with: "\\/", in: "a/\u{301}b") == "a\\/\u{301}b")
    #expect(PlainString.replacing("'", with: "_", in: "'\u{301}'") == "_\u{301}_")
  }

  @Test func findsAnASCIINeedleWhereFoundationDoes() {
    let haystacks = [
      "", "service-now", "basic realm=\"service-now\"", "servicenow", "xx glide_user_route=1",
      "glide_user_route",
      "your instance is hibernating", "your instance is hibernatin", "ünïcode service-now ✓",
    ]
    let needles = ["service-now", "glide_user_route=", "your instance is hibernating", "", "a"]
    for text in haystacks {
      for needle in needles where !needle.isEmpty {
        #expect(PlainString.contains(needle, in: text) == text.contains(needle), "\(needle) in \(text)")
      }
      #expect(PlainString.contains("", in: text))
    }
  }

  @Test func writesHexAsPrintfDoes() {
    for value: UInt32 in [0, 1, 0x1F, 0xABC, 0xD83D, 0xFFFF, 0x10FFFF] {
      #expect(PlainString.hex(value, digits: 4) == String(format: "%04x", value))
    }
  }
}
