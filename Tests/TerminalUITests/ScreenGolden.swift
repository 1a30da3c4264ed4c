import Foundation
import Testing
import WizardCore

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

  /// The differing rows, numbered, as `-expected` / `+actual` pairs.
  static func difference(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    for row in 0..<max(old.count, new.count) {
      let before = row < old.count ? String(old[row]) : "<none>"
      let after = row < new.count ? String(new[row]) : "<none>"
      if before != after { report.append("row \(row):\n-\(before)\n+\(after)") }
    }
    return report.joined(separator: "\n")
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
  assertGolden(ScreenGolden.text(of: frame), named: name, filePath: filePath, sourceLocation: sourceLocation)
}

/// One screen state in both of its forms: the model, and the full-screen Frame drawn from it.
struct ScreenShot {
  var model: ScreenModel
  var frame: Frame

  init(_ model: ScreenModel, width: Int = 80, height: Int = 24) {
    self.model = model
    self.frame = ScreenRenderer.render(model, width: width, height: height)
  }

  /// What the plain-line wizard prints for this screen, its prompt included.
  var plainText: String {
    let plain = PlainTerminal()
    return plain.render(model) + plain.prompt(for: model) + "\n"
  }
}

/// Checks a screen's full-screen picture against `screens/NAME.txt` and its plain-line
/// counterpart against `screens/plain/NAME.txt`: every screen has both, and neither may
/// change unreviewed. The plain text must never hold an escape sequence.
func assertScreen(
  _ shot: ScreenShot, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  assertScreen(shot.frame, named: name, filePath: filePath, sourceLocation: sourceLocation)
  let plain = shot.plainText
  #expect(!plain.unicodeScalars.contains("\u{1B}"), "plain \(name) holds ESC", sourceLocation: sourceLocation)
  assertGolden(plain, named: "plain/" + name, filePath: filePath, sourceLocation: sourceLocation)
}

/// Compares `actual` with `screens/NAME.txt`; records it (and fails) when missing or when asked.
func assertGolden(
  _ actual: String, named name: String, filePath: String, sourceLocation: SourceLocation
) {
  let file = ScreenGolden.directory(filePath: filePath).appendingPathComponent(name + ".txt")
  let directory = file.deletingLastPathComponent()
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
  if let expected, expected != actual {
    let difference = ScreenGolden.difference(expected: expected, actual: actual)
    Issue.record(
      "Screen \(name) differs from screens/\(name).txt (RECORD_SCREENS=1 rewrites it):\n\(difference)",
      sourceLocation: sourceLocation)
  }
}
