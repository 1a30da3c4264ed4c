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
    var env = ["SNOWGATE_CONFIG_DIR": (configDirectory ?? emptyConfig).path]
    env.merge(environment) { _, given in given }
    let out = try Binary.run(arguments, environment: env, stdin: stdin, clearing: cleared, launcher: launcher)
    return CheckRun(status: out.status, stdout: out.stdout, stderr: out.stderr)
  }

  /// A configuration folder with nothing saved in it, shared by every run that needs no profile.
  static let emptyConfig: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-empty-\(getpid())", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()
}
