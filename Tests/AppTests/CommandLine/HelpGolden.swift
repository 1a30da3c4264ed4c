import Foundation
import Testing

/// Golden files for help texts: `screens/help/NAME.txt` at the repo root, checked like the
/// screens: a missing file or `RECORD_SCREENS=1` writes the current text and fails.
enum HelpGolden {
  static var directory: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // CommandLine
      .deletingLastPathComponent()  // AppTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // repo root
      .appendingPathComponent("screens/help", isDirectory: true)
  }

  static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = directory.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_SCREENS"] == "1"
    let expected = try? String(contentsOf: file, encoding: .utf8)
    if recording || expected == nil {
      try? FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      Issue.record(
        "Recorded screens/help/\(name); review the diff and run again.", sourceLocation: sourceLocation)
      return
    }
    #expect(
      expected == actual, "screens/help/\(name) differs; RECORD_SCREENS=1 rewrites it",
      sourceLocation: sourceLocation)
  }
}
