import Foundation

/// Where the built snowgate binary is, and small helpers to run it.
enum Binary {
  /// The snowgate executable next to the test bundle (`swift build` puts both in one folder).
  static var snowgate: URL {
    if let explicit = ProcessInfo.processInfo.environment["SNOWGATE_BIN"] {
      return URL(fileURLWithPath: explicit)
    }
    var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("snowgate")
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue {
        return candidate
      }
      dir = dir.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/snowgate")
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs snowgate to completion with the given arguments, environment additions and stdin.
  ///
  /// `clearing` removes inherited variables first; `launcher` runs snowgate through another
  /// command (e.g. `unshare -rm`).
  static func run(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    clearing: [String] = [], launcher: [String] = []
  ) throws -> Output {
    let process = Process()
    if launcher.isEmpty {
      process.executableURL = snowgate
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = launcher + [snowgate.path] + arguments
    }
    var env = ProcessInfo.processInfo.environment
    for name in clearing { env.removeValue(forKey: name) }
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// A `snowgate simulate` process on a free loopback port, stopped when released.
final class SimulatorProcess: @unchecked Sendable {
  let process = Process()
  let url: URL
  private let output = Pipe()

  init(scenario: String? = nil, extraArguments: [String] = []) throws {
    process.executableURL = Binary.snowgate
    process.arguments =
      ["simulate", "--port", "0"] + (scenario.map { ["--scenario", $0] } ?? []) + extraArguments
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The first line is exactly "listening on http://127.0.0.1:PORT".
    var buffer = Data()
    let handle = output.fileHandleForReading
    while !buffer.contains(UInt8(ascii: "\n")) {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      buffer.append(chunk)
    }
    let firstLine =
      String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    let prefix = "listening on "
    guard firstLine.hasPrefix(prefix), let url = URL(string: String(firstLine.dropFirst(prefix.count))) else {
      kill(process.processIdentifier, SIGKILL)
      throw SimulatorProcessError.noListeningLine(firstLine)
    }
    self.url = url
    // Keep draining so the simulator never blocks on a full pipe.
    handle.readabilityHandler = { h in _ = h.availableData }
  }

  deinit { stop() }

  func stop() {
    output.fileHandleForReading.readabilityHandler = nil
    // SIGKILL, not terminate(): a child of the XCTest process inherits a signal mask that
    // blocks SIGTERM, and waitUntilExit would then wait for ever.
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}

enum SimulatorProcessError: Error {
  case noListeningLine(String)
}
