import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A helper program listening on a loopback port (a plain HTTP server, `openssl s_server`),
/// stopped when released.
final class CheckLocalServer: @unchecked Sendable {
  let process = Process()
  let port: Int

  /// Starts `command` with `{port}` replaced by a free port, and waits until it accepts.
  init(_ command: [String], directory: URL? = nil) throws {
    port = try Self.freePort()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command.map { $0.replacingOccurrences(of: "{port}", with: String(port)) }
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(10)
    while !Self.accepts(port) {
      guard Date() < deadline, process.isRunning else {
        stop()
        throw CheckLocalServerError.neverListened(command.joined(separator: " "))
      }
      usleep(20_000)
    }
  }

  /// Starts `command`, which listens where it likes and prints its port as its first line.
  init(printingPort command: [String]) throws {
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var buffer = Data()
    while !buffer.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      buffer.append(chunk)
    }
    let line = String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let port = Int(line) else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw CheckLocalServerError.neverListened(command.joined(separator: " "))
    }
    self.port = port
  }

  deinit { stop() }

  func stop() {
    // SIGKILL, not terminate(): a test runner may leave SIGTERM ignored, which children inherit.
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// A loopback port nothing listens on (bound, read, closed: the kernel does not reuse it at once).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw CheckLocalServerError.noSocket }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int32 in
        guard bind(fd, raw, length) == 0 else { return -1 }
        return getsockname(fd, raw, &length)
      }
    }
    guard bound == 0 else { throw CheckLocalServerError.noSocket }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Whether something accepts TCP connections on the loopback port.
  static func accepts(_ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}
