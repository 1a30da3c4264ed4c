import Foundation
import Testing

@testable import TerminalUI

/// Every screen of the full-screen wizard has its plain-line counterpart in `screens/plain/`.
@Suite struct PlainGoldenCoverageTests {
  /// Pictures of a terminal size, not of a screen: the plain lines have no size.
  static let sizeOnly: Set<String> = ["99-too-small.txt", "00-sample--too-small.txt", "helper.txt"]

  @Test func everyFullScreenGoldenHasAPlainOne() throws {
    let screens = ScreenGolden.directory(filePath: #filePath)
    let manager = FileManager.default
    let full = try manager.contentsOfDirectory(atPath: screens.path).filter {
      $0.hasSuffix(".txt") && !Self.sizeOnly.contains($0)
    }
    #expect(full.count > 40)
    let plain = Set(try manager.contentsOfDirectory(atPath: screens.appendingPathComponent("plain").path))
    let missing = full.filter { !plain.contains($0) }.sorted()
    #expect(missing.isEmpty, "no plain counterpart: \(missing)")
    for name in plain {
      let text = try String(contentsOf: screens.appendingPathComponent("plain/" + name), encoding: .utf8)
      #expect(
        !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name) holds a control character")
      #expect(!text.contains("┌") && !text.contains("│"), "\(name) draws a box")
    }
  }
}
