import Foundation
import Testing

@testable import Platform

/// The string, path and encoding helpers against the Foundation calls they replace.
@Suite struct TextHelpersTests {
  @Test(arguments: ["a+b%20c", "%E6%97%A5", "plain", "100%", "%zz", "%C3", "a%2Bb", ""])
  func percentDecodingAsFoundation(text: String) {
    #expect(FormEncoding.percentDecoded(text) == text.removingPercentEncoding)
  }

  @Test(arguments: ["a b", "p@ss&w=rd+é/?", "日本", "~-._", ""])
  func queryEscapingAsFoundation(text: String) {
    #expect(
      FormEncoding.escape(text, keeping: FormEncoding.queryKept)
        == text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed))
    #expect(FormEncoding.unescape(FormEncoding.escape(text)) == text)
  }

  @Test(arguments: ["/a/b/c", "/a/b/", "/a", "/", "a/b", "", "//a//b"])
  func pathComponentsAsNSString(path: String) {
    #expect(PlainString.lastPathComponent(path) == (path as NSString).lastPathComponent)
    #expect(PlainString.deletingLastPathComponent(path) == (path as NSString).deletingLastPathComponent)
  }

  /// A bare name (NSString's deletingLastPathComponent traps on it in this Foundation).
  @Test func bareName() {
    #expect(PlainString.lastPathComponent("a") == "a")
    #expect(PlainString.deletingLastPathComponent("a") == "")
  }

  @Test(arguments: [0.0, 1.25, 1.35, -2.05, 12.3456, 0.04, -0.04, 99.95, 1234.5])
  func fixedAsStringFormat(value: Double) {
    #expect(PlainString.fixed(value, decimals: 1) == String(format: "%.1f", value))
    #expect(PlainString.fixed(value, decimals: 2) == String(format: "%.2f", value))
  }

  @Test func paddingAndZeroPadding() {
    #expect(PlainString.padded("abc", to: 6) == "abc".padding(toLength: 6, withPad: " ", startingAt: 0))
    #expect(PlainString.padded("abcdef", to: 3) == "abcdef".padding(toLength: 3, withPad: " ", startingAt: 0))
    #expect(PlainString.zeroPadded(7, digits: 3) == String(format: "%03d", 7))
    #expect(PlainString.zeroPadded(2026, digits: 2) == "2026")
    #expect(PlainString.hex(0x1f, digits: 2) == String(format: "%02x", 0x1f))
  }

  @Test func trimmingBySet() {
    let drop: (Character) -> Bool = { ".:".contains($0) }
    #expect(
      PlainString.trimmed("..a.b:", where: drop)
        == "..a.b:".trimmingCharacters(in: CharacterSet(charactersIn: ".:")))
    #expect(PlainString.trimmed("...", where: drop) == "")
  }

  @Test func lockedCountsEveryIncrement() async {
    let counter = Locked(0)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 { group.addTask { for _ in 0..<1000 { counter.withLock { $0 += 1 } } } }
    }
    #expect(counter.withLock { $0 } == 8000)
  }

  @Test func errorSentences() {
    #expect(ErrorText.describe(POSIXError(.EACCES)) == "Permission denied")
    #expect(ErrorText.describe(CocoaError(.fileNoSuchFile)).hasPrefix("No such file"))
  }

  @Test func readsAFileWithABound() throws {
    let path = NSTemporaryDirectory() + "platform-\(getpid()).txt"
    try Data("hello world".utf8).write(to: URL(fileURLWithPath: path))
    defer { unlink(path) }
    #expect(FileBytes.read(atPath: path, upTo: 5) == Data("hello".utf8))
    #expect(FileBytes.read(atPath: path, upTo: 100) == Data("hello world".utf8))
    #expect(FileBytes.read(atPath: path + ".missing", upTo: 100) == nil)
  }
}
