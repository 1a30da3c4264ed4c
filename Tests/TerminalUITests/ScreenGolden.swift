import Foundation
import Testing

@testable import TerminalUI

/// Golden files for screens: compares a Frame's text with `screens/NAME.txt` at the repo root.
///
/// When the file is missing or `RECORD_SCREENS=1`, the current picture is written and the test
/// fails, so every changed picture reaches a person as a diff before it is accepted.
enum ScreenGolden {
  static func directory(filePath: String) -> URL {
    URL(fileURLWithPath: filePath)
      .deletingLastPathComponent()  // TerminalUITests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // repo root
      .appendingPathComponent("screens", isDirectory: true)
  }

  static func text(of frame: Frame) -> String {
    frame.lines().joined(separator: "\n") + "\n"
  }
}

/// Checks a frame against its golden file; records it (and fails) when missing or when asked.
func assertScreen(
  _ frame: Frame, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = ScreenGolden.directory(filePath: filePath)
  let file = directory.appendingPathComponent(name + ".txt")
  let actual = ScreenGolden.text(of: frame)
  let recording = ProcessInfo.processInfo.environment["RECORD_SCREENS"] == "1"
  let expected = try? String(contentsOf: file, encoding: .utf8)
  if recording || expected == nil {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      Issue.record(
        "Recorded screens/\(name).txt; review the diff and run again.", sourceLocation: sourceLocation)
    } catch {
      Issue.record("Could not write screens/\(name).txt: \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  if expected != actual {
    Issue.record(
      """
      Screen \(name) differs from screens/\(name).txt (RECORD_SCREENS=1 rewrites it).
      --- expected
      \(expected ?? "")
      +++ actual
      \(actual)
      """, sourceLocation: sourceLocation)
  }
}
