import Foundation
import Testing

/// Code outside `#if canImport(Glibc)` / `#if os(Linux)` must compile for Darwin: no Linux-only
/// call or constant outside those blocks. Read from the sources, since Darwin is not built here.
@Suite struct PortabilityTests {
  static let linuxOnly = [
    // Not "/proc/": a path compared as text (LogFile's /proc/self/fd/N) compiles everywhere.
    "Glibc.", "SOCK_STREAM.rawValue", "SOCK_CLOEXEC", "MSG_NOSIGNAL", "pipe2", "epoll", "prctl", "accept4",
    "signalfd", "inotify", "contentsOfFile: \"/proc",
    // Glibc's spawn types are structs with an empty init, Darwin's opaque pointers (start from
    // nil); Glibc's sigaction has __sigaction_handler where Darwin's has __sigaction_u.
    "posix_spawn_file_actions_t()", "posix_spawnattr_t()", "__sigaction_handler",
  ]

  /// The lines of `text` outside every Linux-only conditional block.
  static func portableLines(_ text: String) -> [(Int, String)] {
    var stack: [Bool] = []  // true while inside a Linux-only branch
    var lines: [(Int, String)] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("#if ") {
        stack.append(line.contains("canImport(Glibc)") || line.contains("os(Linux)"))
      } else if line.hasPrefix("#elseif") || line.hasPrefix("#else") {
        if !stack.isEmpty { stack[stack.count - 1] = false }
      } else if line.hasPrefix("#endif") {
        _ = stack.popLast()
      } else if !stack.contains(true), !line.hasPrefix("//") {
        lines.append((number + 1, line))
      }
    }
    return lines
  }

  @Test func linuxOnlyCallsAreBehindConditionals() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
    let files =
      FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    #expect(files.count > 50)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for (number, line) in Self.portableLines(text) {
        for word in Self.linuxOnly where line.contains(word) {
          Issue.record("\(file.lastPathComponent):\(number) uses \(word) outside #if canImport(Glibc)")
        }
      }
    }
  }

  @Test func theScannerSeesThroughBranches() {
    let text = "#if canImport(Glibc)\n  Glibc.read()\n#else\n  Darwin.read()\n#endif\nGlibc.write()"
    #expect(Self.portableLines(text).map(\.1) == ["Darwin.read()", "Glibc.write()"])
  }
}
