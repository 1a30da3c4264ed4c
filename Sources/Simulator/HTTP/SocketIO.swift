import Platform

/// Thin, EINTR-safe wrappers around the POSIX calls the server uses.
enum SocketIO {
  /// Waits until `fd` is readable, up to `milliseconds`; false on timeout or error.
  static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    while true {
      let result = poll(&entry, 1, milliseconds)
      if result < 0, errno == EINTR { continue }
      return result > 0
    }
  }

  /// Reads what is available into `buffer` (at most `limit` bytes); 0 means the peer closed, -1 an error.
  static func read(_ fd: Int32, into buffer: inout [UInt8], limit: Int) -> Int {
    var chunk = [UInt8](repeating: 0, count: max(1, min(limit, 16 * 1024)))
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count < 0, errno == EINTR { continue }
      if count > 0 { buffer.append(contentsOf: chunk[0..<count]) }
      return count
    }
  }

  /// Writes every byte or gives up on the first error (peer gone, send timeout); never raises SIGPIPE.
  @discardableResult
  static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
    var offset = bytes.startIndex
    while offset < bytes.endIndex {
      let written = bytes[offset...].withUnsafeBytes { raw -> Int in
        #if os(Linux)
          return send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
        #else
          return send(fd, raw.baseAddress, raw.count, 0)
        #endif
      }
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  /// Sets receive and send timeouts so a stuck peer cannot hold a thread forever.
  static func setTimeouts(_ fd: Int32, seconds: Double) {
    var value = timeval()
    value.tv_sec = .init(Int(seconds))
    value.tv_usec = .init(Int((seconds - Double(Int(seconds))) * 1_000_000))
    _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    #if os(macOS)
      var one: Int32 = 1
      _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
    #endif
  }
}
