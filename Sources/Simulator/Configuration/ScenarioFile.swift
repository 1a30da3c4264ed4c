import Platform

/// Reads a scenario file in one bounded read: one `open`, then at most `limit` bytes.
///
/// No "does it exist?" first (the answer can change before the read), no reading of a FIFO or
/// a device that never ends, and a file larger than any scenario is refused with a reason
/// instead of being loaded whole into memory.
enum ScenarioFile {
  /// Scenario files are a few hundred bytes; a megabyte is generous.
  static let limit = 1024 * 1024

  enum Problem: Error, Equatable {
    case missing
    case unreadable(String)

    var reason: String {
      switch self {
      case .missing: "no such file"
      case .unreadable(let reason): reason
      }
    }
  }

  static func read(_ path: String) throws -> Data {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw Problem.missing }
      throw Problem.unreadable("it cannot be opened: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw Problem.unreadable("it is not a regular file")
    }
    guard Int(info.st_size) <= limit else {
      throw Problem.unreadable(
        "it is \(Int(info.st_size) / 1024) KiB, more than the \(limit / 1024) KiB a scenario may be")
    }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count <= limit {
      #if canImport(Glibc)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      #else
        let count = buffer.withUnsafeMutableBytes { Darwin.read(fd, $0.baseAddress, $0.count) }
      #endif
      if count < 0 {
        if errno == EINTR { continue }
        throw Problem.unreadable("it cannot be read: \(String(cString: strerror(errno)))")
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
    }
    throw Problem.unreadable("it grew past \(limit / 1024) KiB while being read")
  }
}
