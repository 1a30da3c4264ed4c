import Foundation
import XCTest

/// Runs `snowgate check` in an environment the test controls completely: its own empty
/// configuration folder, no proxy or secret variables inherited from the machine.
struct CheckRun {
  var status: Int32
  var stdout: String
  var stderr: String

  /// Variables that would change a check's result if the test machine happened to set them.
  static let cleared = [
    "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY",
    "no_proxy", "SNOWGATE_PASSWORD", "SNOWGATE_CLIENT_SECRET", "SNOWGATE_REFRESH_TOKEN", "SNOWGATE_LOG",
    "NO_COLOR", "SNOWGATE_CONFIG_DIR", "XDG_CONFIG_HOME",
  ]

  /// The parsed `--json` output (one report).
  func json(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    return try XCTUnwrap(
      object as? [String: Any], "not a JSON object: \(stdout)\n\(stderr)", file: file, line: line)
  }

  /// The verdict code of the `--json` output.
  func code() throws -> String? {
    (try json()["diagnosis"] as? [String: Any])?["code"] as? String
  }

  /// The check object with this id from the `--json` output.
  func check(_ id: String) throws -> [String: Any]? {
    (try json()["checks"] as? [[String: Any]])?.first { $0["id"] as? String == id }
  }

  /// Runs snowgate (through `launcher` when given, e.g. unshare) with `arguments`.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], configDirectory: URL? = nil,
    stdin: String? = nil, launcher: [String] = []
  ) throws -> CheckRun {
    let process = Process()
    if launcher.isEmpty {
      process.executableURL = Binary.snowgate
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = launcher + [Binary.snowgate.path] + arguments
    }
    var env = ProcessInfo.processInfo.environment
    for name in cleared { env.removeValue(forKey: name) }
    env["SNOWGATE_CONFIG_DIR"] = (configDirectory ?? emptyConfig).path
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
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CheckRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A configuration folder with nothing saved in it, shared by every run that needs no profile.
  static let emptyConfig: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-empty-\(getpid())", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()
}
