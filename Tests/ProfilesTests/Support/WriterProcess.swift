import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The `profile-writer` fixture executable, run as a separate process.
///
/// It is built with the package (`swift build`, or `swift test`, since ProfilesTests depends on
/// it) and sits next to the test bundle in the build folder.
struct WriterProcess {
  let process: Process
  private let output: FileHandle

  /// The path of the built `profile-writer`, or nil with a recorded issue when it is missing.
  static func executable() -> String? {
    var candidates: [String] = []
    if let bundle = CommandLine.arguments.first {
      var folder = URL(fileURLWithPath: bundle).deletingLastPathComponent()
      // On macOS the bundle is a folder: …/debug/X.xctest/Contents/MacOS/X.
      for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("profile-writer").path)
        folder.deleteLastPathComponent()
      }
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/profile-writer").path)
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
      return found
    }
    Issue.record(
      "profile-writer was not built; run `swift build` before `swift test`. Looked in \(candidates)")
    return nil
  }

  /// Starts the writer with `arguments` and waits until it says "ready".
  static func start(_ executable: String, _ arguments: [String]) throws -> WriterProcess {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let writer = WriterProcess(process: process, output: pipe.fileHandleForReading)
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("ready\n") {
      let chunk = writer.output.availableData
      if chunk.isEmpty { break }
      seen.append(chunk)
    }
    return writer
  }

  /// Kills the writer with SIGKILL and waits for it to be gone.
  func killNow() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Waits for the writer to finish and returns its exit status.
  func wait() -> Int32 {
    process.waitUntilExit()
    return process.terminationStatus
  }
}
