import Foundation
import XCTest

/// The completion scripts and the man page as the shells and groff read them, and the help
/// and did-you-mean promises of the binary.
final class CompletionAndManTests: XCTestCase {
  private func tool(_ name: String) -> String? {
    for folder in ["/usr/bin", "/bin", "/usr/local/bin"]
    where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
      return "\(folder)/\(name)"
    }
    return nil
  }

  private func file(_ text: String, _ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-\(UUID().uuidString)-\(name)")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// Runs `command` on the file and returns its status and stderr.
  private func check(_ command: [String], _ url: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst()) + [url.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  func testEveryShellReadsItsCompletionScript() throws {
    for (shell, command) in [("bash", ["-n"]), ("zsh", ["-n"]), ("fish", ["--no-execute"])] {
      let out = try Binary.run(["completion", shell])
      XCTAssertEqual(out.status, 0, out.stderr)
      XCTAssertTrue(out.stdout.contains("profiles --names"), "\(shell) does not offer profile names")
      guard let path = tool(shell) else {
        print("skipped: \(shell) is not installed, so its completion script is not parsed")
        continue
      }
      let script = try file(out.stdout, "completion.\(shell)")
      defer { try? FileManager.default.removeItem(at: script) }
      let (status, errors) = try check([path] + command, script)
      XCTAssertEqual(status, 0, "\(shell): \(errors)")
      XCTAssertEqual(errors, "", shell)
    }
    XCTAssertEqual(try Binary.run(["completion", "tcsh"]).status, 2)
  }

  func testTheBashCompletionOffersSavedProfileNames() throws {
    guard let bash = tool("bash") else { throw XCTSkip("bash is not installed") }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-complete-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let config = """
      {"version":1,"defaultProfile":"prod","drafts":[],"profiles":[{"name":"prod","instanceURL":"https://dev1.service-now.com",
      "authType":"basic","username":"admin","secretStore":{"kind":"environment"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}]}
      """
    try config.write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
    let script = try file(try Binary.run(["completion", "bash"]).stdout, "snowgate.bash")
    defer { try? FileManager.default.removeItem(at: script) }
    let binaryFolder = Binary.snowgate.deletingLastPathComponent().path
    let driver = """
      PATH=\(binaryFolder):$PATH
      source \(script.path)
      COMP_WORDS=(snowgate check pr); COMP_CWORD=2; _snowgate; echo "${COMPREPLY[*]}"
      COMP_WORDS=(snowgate api -p ''); COMP_CWORD=3; _snowgate; echo "${COMPREPLY[*]}"
      COMP_WORDS=(snowgate ch); COMP_CWORD=1; _snowgate; echo "${COMPREPLY[*]}"
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: bash)
    process.arguments = ["-c", driver]
    var variables = ProcessInfo.processInfo.environment
    variables["SNOWGATE_CONFIG_DIR"] = folder.path
    process.environment = variables
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(text, "prod\nprod\ncheck\n")
  }

  func testTheManPageRendersWithoutAWarning() throws {
    let out = try Binary.run(["man"])
    XCTAssertEqual(out.status, 0)
    guard let groff = tool("groff") else {
      throw XCTSkip("groff is not installed, so the man page is not rendered")
    }
    let page = try file(out.stdout, "snowgate.1")
    defer { try? FileManager.default.removeItem(at: page) }
    let (status, errors) = try check([groff, "-ww", "-man", "-Tutf8", "-z"], page)
    XCTAssertEqual(status, 0, errors)
    XCTAssertEqual(errors, "", errors)
  }

  func testHelpCommandEqualsCommandHelpAndAMistakeGetsASuggestion() throws {
    for command in ["check", "token", "api", "setup", "profiles", "remove"] {
      let viaHelp = try Binary.run(["help", command])
      let viaFlag = try Binary.run([command, "--help"])
      XCTAssertEqual(viaHelp.status, 0)
      XCTAssertEqual(viaHelp.stdout, viaFlag.stdout, command)
    }
    let typo = try Binary.run(["chek"])
    XCTAssertEqual(typo.status, 2)
    XCTAssertTrue(typo.stderr.contains("Did you mean 'check'?"), typo.stderr)
    XCTAssertEqual(typo.stdout, "")
    let option = try Binary.run(["check", "--jsno"])
    XCTAssertEqual(option.status, 2)
    XCTAssertTrue(option.stderr.contains("Did you mean --json?"), option.stderr)
    let environment = try Binary.run(["help", "environment"])
    XCTAssertTrue(environment.stdout.contains("SNOWGATE_DEBUG"))
    let top = try Binary.run(["--help"])
    for section in ["Examples:", "Environment:", "Exit status:"] {
      XCTAssertTrue(top.stdout.contains(section), section)
    }
  }
}
