import Foundation
import SystemCommands
import Testing

@Suite struct SystemCommandTests {
  let path = ["PATH": "/usr/bin:/bin"]

  @Test func standardInputReachesTheProgramAndItsOutputComesBack() async throws {
    let result = try await SystemCommand(
      ["tr", "a-z", "A-Z"], input: Data("sentinel-in".utf8), environment: path
    )
    .output()
    #expect(result.succeeded)
    #expect(String(decoding: result.standardOutput, as: UTF8.self) == "SENTINEL-IN")
    #expect(result.standardError.isEmpty)
  }

  @Test func aLaunchedProgramRunsOnByItselfAndIsCollectedWhenItEnds() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-launch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("pid").path
    // The program writes its pid, then its environment, then ends.
    try SystemCommand(
      ["sh", "-c", "echo $$ > '\(file).tmp'; env >> '\(file).tmp'; mv '\(file).tmp' '\(file)'"],
      environment: path + ["SNOWGATE_PASSWORD": "SENTINEL-PW"]
    ).launch()
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: file) && Date() < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(!text.contains("SENTINEL-PW"))
    let pid = try #require(text.split(separator: "\n").first.map(String.init))
    // Collected, not left a zombie: its /proc entry goes once it has ended.
    while FileManager.default.fileExists(atPath: "/proc/\(pid)") && Date() < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "the program was left a zombie")
    #expect(throws: SystemCommandError.self) {
      try SystemCommand(["no-such-program-sg"], environment: path).launch()
    }
  }

  @Test func argumentsAreNotParsedByAShell() async throws {
    let result = try await SystemCommand(["echo", "$HOME;", "`id`"], environment: path + ["HOME": "/x"])
      .output()
    #expect(String(decoding: result.standardOutput, as: UTF8.self) == "$HOME; `id`\n")
  }

  @Test func snowgateVariablesNeverReachTheProgram() async throws {
    let environment = path + ["SNOWGATE_PASSWORD": "SENTINEL-PW", "SNOWGATE_X": "y", "KEEP": "kept"]
    let result = try await SystemCommand(["env"], environment: environment).output()
    let text = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(!text.contains("SNOWGATE"))
    #expect(!text.contains("SENTINEL-PW"))
    #expect(text.contains("KEEP=kept"))
  }

  @Test func exitStatusAndStandardErrorAreReported() async throws {
    let result = try await SystemCommand(["sh", "-c", "echo oops >&2; exit 7"], environment: path).output()
    #expect(result.exitStatus == 7)
    #expect(!result.succeeded)
    #expect(result.errorText == "oops\n")
  }

  @Test func aKilledProgramReportsItsSignal() async throws {
    let result = try await SystemCommand(["sh", "-c", "kill -9 $$"], environment: path).output()
    #expect(result.exitStatus == nil)
    #expect(result.signal == 9)
  }

  @Test func aMissingProgramSaysSo() async throws {
    await #expect(throws: SystemCommandError.notFound(program: "no-such-tool-here")) {
      try await SystemCommand(["no-such-tool-here"], environment: path).output()
    }
    let error = SystemCommandError.notFound(program: "openssl")
    #expect(error.description.contains("install it"))
  }

  @Test func theDeadlineKillsTheProgramAndItsChildren() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let marker = folder.appendingPathComponent("late").path
    let script = "(sleep 2; touch \(marker)) & sleep 30"
    let started = Date()
    await #expect(throws: SystemCommandError.timedOut(program: "sh", seconds: 0.5)) {
      try await SystemCommand(["sh", "-c", script], environment: path, deadline: 0.5).output()
    }
    #expect(Date().timeIntervalSince(started) < 10)
    try await Task.sleep(for: .seconds(2.5))
    #expect(!FileManager.default.fileExists(atPath: marker), "the grandchild outlived the deadline")
  }

  @Test func tooMuchOutputStopsTheProgram() async throws {
    await #expect(throws: SystemCommandError.outputTooLarge(program: "yes", limit: 64 * 1024)) {
      try await SystemCommand(["yes"], environment: path).output()
    }
  }

  @Test func aProgramThatIgnoresItsInputDoesNotKillTheCaller() async throws {
    let big = Data(repeating: UInt8(ascii: "x"), count: 1024 * 1024)
    let result = try await SystemCommand(["true"], input: big, environment: path).output()
    #expect(result.succeeded)
  }

  @Test func theDescriptionShowsNoOutput() async throws {
    let result = try await SystemCommand(["echo", "SENTINEL-OUT"], environment: path).output()
    #expect(!"\(result)".contains("SENTINEL"))
    #expect(String(decoding: result.standardOutput, as: UTF8.self) == "SENTINEL-OUT\n")
  }
}

private func + (lhs: [String: String], rhs: [String: String]) -> [String: String] {
  lhs.merging(rhs) { $1 }
}
