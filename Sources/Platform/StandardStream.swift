#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's standard input, output and error, written and read with the system calls.
///
/// Foundation's `FileHandle.standardOutput` is the same, but it is Foundation proper (see
/// Platform.swift). Writes are whole (a short write is continued, an interrupted one retried);
/// an error such as a closed pipe ends the write silently, as FileHandle's did for our uses.
public enum StandardStream: Sendable {
  case input, output, error

  public var descriptor: Int32 {
    switch self {
    case .input: return 0
    case .output: return 1
    case .error: return 2
    }
  }

  /// Writes `text` as UTF-8.
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
  }

  /// Writes `bytes` as they are.
  public func write(_ bytes: some Collection<UInt8>) {
    let array = Array(bytes)
    array.withUnsafeBytes { write($0) }
  }

  private func write(_ buffer: UnsafeRawBufferPointer) {
    guard var base = buffer.baseAddress else { return }
    var left = buffer.count
    while left > 0 {
      let written = Platform.writeDescriptor(descriptor, base, left)
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      left -= written
      base += written
    }
  }

  /// Reads until end of input or `limit` bytes; nil when the read fails.
  public func read(upTo limit: Int) -> Data? {
    FileBytes.read(descriptor: descriptor, upTo: limit)
  }
}

/// Reading a file's bytes with a bound, for inputs a person names (a template, a body to send).
public enum FileBytes {
  /// At most `limit` bytes of the file at `path`; nil when it cannot be opened or read.
  public static func read(atPath path: String, upTo limit: Int) -> Data? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    return read(descriptor: descriptor, upTo: limit)
  }

  /// At most `limit` bytes from `descriptor`, up to its end; nil when a read fails.
  public static func read(descriptor: Int32, upTo limit: Int) -> Data? {
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count < limit {
      let wanted = min(chunk.count, limit - data.count)
      let count = chunk.withUnsafeMutableBytes {
        Platform.readDescriptor(descriptor, $0.baseAddress!, wanted)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { break }
      data.append(contentsOf: chunk[0..<count])
    }
    return data
  }
}

// The C library's read and write under names the enums' own `read` and `write` do not hide.
func writeDescriptor(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, base, count)
}

func readDescriptor(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, base, count)
}

/// What is at a path, by `stat` (links followed), without Foundation's `ObjCBool`.
public enum FileKind: Sendable, Equatable {
  case file, folder, other

  /// What is at `path`; nil when nothing is there or it cannot be seen.
  public static func at(_ path: String) -> FileKind? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    default: return .other
    }
  }
}
