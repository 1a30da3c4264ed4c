import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Files snowgate trusts: a configuration others could write is refused before anything in it
/// runs, and SNOWGATE_LOG is appended to, never replaced and never followed through a symlink.
final class TrustedFilesTests: XCTestCase {
  var folder: URL!

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("sg-trust-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDown() async throws {
    try? FileManager.default.removeItem(at: folder)
  }

  func testAWorldWritableConfigFolderIsRefusedAndItsSecretCommandNeverRuns() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let config = folder.appendingPathComponent("config")
    let marker = folder.appendingPathComponent("ran")
    let script = folder.appendingPathComponent("secret.sh")
    try "#!/bin/sh\ntouch '\(marker.path)'\necho admin\n".write(to: script, atomically: true, encoding: .utf8)
    chmod(script.path, 0o755)
    let setup = try CheckRun.run(
      [
        "setup", "cmd", "--no-input", "--instance", simulator.url.absoluteString, "--auth", "basic",
        "--username",
        "admin", "--store", "command:'\(script.path)' {secret}",
      ], configDirectory: config)
    XCTAssertEqual(setup.status, 0, setup.stdout + setup.stderr)
    try FileManager.default.removeItem(at: marker)
    chmod(config.path, 0o777)
    for arguments in [["check", "cmd"], ["token", "cmd"], ["profiles"]] {
      let run = try CheckRun.run(arguments, configDirectory: config)
      XCTAssertNotEqual(run.status, 0, "\(arguments): \(run.stdout)")
      let said = run.stdout + run.stderr
      XCTAssertTrue(said.contains("chmod 700 \(config.path)"), "\(arguments): \(said)")
      XCTAssertFalse(
        FileManager.default.fileExists(atPath: marker.path), "\(arguments) ran the secret command")
    }
    chmod(config.path, 0o700)
    let nobody = getpwnam("nobody").pointee.pw_uid
    XCTAssertEqual(chown(config.appendingPathComponent("config.json").path, nobody, gid_t.max), 0)
    let run = try CheckRun.run(["check", "cmd"], configDirectory: config)
    XCTAssertTrue((run.stdout + run.stderr).contains("another user"), run.stdout + run.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "the secret command ran")
  }

  func testSNOWGATE_LOGAppendsAndKeepsDevStderrAndFIFOs() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let check = ["check", "--instance", simulator.url.absoluteString, "--username", "admin", "--json"]
    let secrets = ["SNOWGATE_PASSWORD": "admin"]

    // A regular file is appended to, twice, and stays private.
    let log = folder.appendingPathComponent("log.txt")
    try "before\n".write(to: log, atomically: true, encoding: .utf8)
    for _ in 0..<2 {
      _ = try CheckRun.run(check, environment: secrets.merging(["SNOWGATE_LOG": log.path]) { $1 })
    }
    let text = try String(contentsOf: log, encoding: .utf8)
    XCTAssertTrue(text.hasPrefix("before\n"), text)
    let requests = text.components(separatedBy: "> GET").count - 1
    XCTAssertTrue(requests >= 4 && requests % 2 == 0, "two runs, the same requests each:\n\(text)")

    // /dev/stderr is written through, not replaced by a regular file.
    let stderrRun = try CheckRun.run(
      check, environment: secrets.merging(["SNOWGATE_LOG": "/dev/stderr"]) { $1 })
    XCTAssertTrue(stderrRun.stderr.contains("> GET"), stderrRun.stderr)
    var info = stat()
    XCTAssertEqual(lstat("/dev/stderr", &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "/dev/stderr is no longer a symlink")

    // A FIFO with a reader gets the log.
    let fifo = folder.appendingPathComponent("fifo").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    nonisolated(unsafe) var received = Data()
    let reader = Thread {
      let handle = FileHandle(forReadingAtPath: fifo)
      received = handle?.readDataToEndOfFile() ?? Data()
    }
    reader.start()
    _ = try CheckRun.run(check, environment: secrets.merging(["SNOWGATE_LOG": fifo]) { $1 })
    let deadline = Date().addingTimeInterval(5)
    while !reader.isFinished && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
    XCTAssertTrue(String(decoding: received, as: UTF8.self).contains("> GET"), "the FIFO got no log")
    XCTAssertEqual(lstat(fifo, &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)

    // A symlink is refused with a sentence, and its target is left alone.
    let target = folder.appendingPathComponent("target")
    let link = folder.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
    let linked = try CheckRun.run(check, environment: secrets.merging(["SNOWGATE_LOG": link.path]) { $1 })
    XCTAssertTrue(linked.stderr.contains("symbolic link"), linked.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "the link was followed")
  }
}
