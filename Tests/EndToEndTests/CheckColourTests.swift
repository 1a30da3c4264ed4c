import Foundation
import XCTest

/// Colour is for a person at a terminal: on when stdout is a TTY, off with NO_COLOR.
final class CheckColourTests: XCTestCase {
  /// Runs `snowgate check` under `script`, which gives it a pseudo-terminal, and returns what it wrote.
  private func runOnATerminal(_ environment: [String: String], options: [String] = []) throws -> String {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      throw XCTSkip("script(1) is not installed")
    }
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let words =
      [Binary.snowgate.path, "check", "--instance", simulator.url.absoluteString, "--username", "admin"]
      + options
    let command = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(
      separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    var env = ProcessInfo.processInfo.environment
    for name in CheckRun.cleared { env.removeValue(forKey: name) }
    env["SNOWGATE_CONFIG_DIR"] = CheckRun.emptyConfig.path
    env["SNOWGATE_PASSWORD"] = "admin"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    return String(decoding: data, as: UTF8.self)
  }

  func testATerminalGetsColour() async throws {
    let text = try runOnATerminal([:])
    XCTAssertTrue(text.contains("\u{1B}[32m✓"), text)
  }

  func testNoColourWhenNOCOLORIsSet() async throws {
    let text = try runOnATerminal(["NO_COLOR": "1"])
    XCTAssertTrue(text.contains("✓ ok: "), text)
    XCTAssertFalse(text.contains("\u{1B}["), text)
  }

  func testEveryOtherConventionTurnsColourOffAndDumbPrintsNoEscapeAtAll() async throws {
    for (environment, options) in [
      (["CLICOLOR": "0"], []), (["TERM": "dumb"], []), ([:], ["--no-color"]),
      (["NO_COLOR": ""], ["--no-color"]),
    ] {
      let text = try runOnATerminal(environment, options: options)
      XCTAssertTrue(text.contains("✓ ok: "), "\(environment) \(options): \(text)")
      XCTAssertFalse(text.contains("\u{1B}"), "\(environment) \(options): \(text)")
    }
  }
}
