import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A client on a bare socket, for what URLSession cannot do: garbage, huge headers, half requests,
/// dripping answers, and reads with a real deadline.
struct RawClient {
  let fd: Int32

  /// Connects to 127.0.0.1:`port`.
  init(port: UInt16) throws {
    #if os(Linux)
      fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if result != 0 {
      close(fd)
      throw CocoaError(.fileReadUnknown)
    }
  }

  /// Sends bytes; false if the server already closed.
  @discardableResult
  func send(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { raw -> Int in
        #if os(Linux)
          return Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
        #else
          return Darwin.send(fd, raw.baseAddress, raw.count, 0)
        #endif
      }
      if written <= 0 { return false }
      offset += written
    }
    return true
  }

  @discardableResult
  func send(_ text: String) -> Bool { send(Array(text.utf8)) }

  /// Reads until the server closes or `seconds` pass; `closed` tells which.
  func readAll(seconds: Double) -> (bytes: [UInt8], closed: Bool) {
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 { return (bytes, false) }
      var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, Int32(remaining * 1000) + 1)
      if ready <= 0 { continue }
      let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count <= 0 { return (bytes, true) }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// Reads until at least `count` bytes arrived, the server closes, or `seconds` pass.
  func read(atLeast count: Int, seconds: Double) -> [UInt8] {
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    var chunk = [UInt8](repeating: 0, count: 4096)
    while bytes.count < count, deadline.timeIntervalSinceNow > 0 {
      var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, Int32(deadline.timeIntervalSinceNow * 1000) + 1) > 0 else { continue }
      let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if got <= 0 { break }
      bytes.append(contentsOf: chunk[0..<got])
    }
    return bytes
  }

  /// Closes the socket.
  func disconnect() { close(fd) }

  /// The status code of a raw answer's first line, if there is one.
  static func status(of bytes: [UInt8]) -> Int? {
    let text = String(decoding: bytes.prefix(64), as: UTF8.self)
    let parts = text.split(separator: " ")
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/1.") else { return nil }
    return Int(parts[1])
  }
}
