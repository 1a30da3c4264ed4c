import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `openssl s_server` with a fresh self-signed certificate for localhost, for the TLS trust test.
final class TLSServer: @unchecked Sendable {
  let port: UInt16
  private let process: Process
  private let directory: URL

  private init(port: UInt16, process: Process, directory: URL) {
    self.port = port
    self.process = process
    self.directory = directory
  }

  /// Starts the server, or skips the test when openssl is not installed.
  static func start(hostName: String = "localhost") throws -> TLSServer {
    guard
      let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(
        where: FileManager.default.isExecutableFile)
    else { throw XCTSkip("openssl is not installed") }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let key = directory.appendingPathComponent("key.pem").path
    let cert = directory.appendingPathComponent("cert.pem").path
    try run(
      openssl,
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
        "-out", cert, "-subj", "/CN=\(hostName)", "-days", "1", "-addext", "subjectAltName=DNS:\(hostName)",
      ])
    let port = try LoopbackServer.closedPort()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: openssl)
    process.arguments = [
      "s_server", "-accept", "127.0.0.1:\(port)", "-cert", cert, "-key", key, "-www", "-quiet",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let server = TLSServer(port: port, process: process, directory: directory)
    for _ in 0..<60 where !isListening(port) {
      Thread.sleep(forTimeInterval: 0.05)
    }
    return server
  }

  /// Kills the server. SIGKILL, because a child started by Process inherits a signal mask that
  /// blocks SIGTERM here, and `waitUntilExit` spins a run loop that would burn a core meanwhile.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      for _ in 0..<100 where process.isRunning {
        Thread.sleep(forTimeInterval: 0.01)
      }
    }
    try? FileManager.default.removeItem(at: directory)
  }

  private static func run(_ executable: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<1000 where process.isRunning {
      Thread.sleep(forTimeInterval: 0.01)
    }
    guard process.terminationStatus == 0 else { throw XCTSkip("openssl could not make a certificate") }
  }

  private static func isListening(_ port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}
