#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line read from a file descriptor (standard input) with a bound on its length.
///
/// `readLine()` keeps reading until it meets a newline, so `--password-stdin < /dev/zero` or a
/// pasted file would grow the process without end. This reads at most `limit` bytes of a line;
/// the rest of a longer line is read and thrown away (the memory stays bounded), and the
/// caller says the line was too long instead of using a piece of it.
public enum BoundedLine: Equatable, Sendable {
  /// A whole line, without its line ending (`\n` or `\r\n`).
  case line(String)
  /// A line longer than the limit.
  case tooLong(limit: Int)
  /// The input ended before any byte of a line.
  case end

  /// The bound for an answer, a password or a pasted field.
  public static let defaultLimit = 8 * 1024

  /// Reads one line from `fd`, byte by byte (so nothing after the line is consumed).
  public static func read(from fd: Int32 = STDIN_FILENO, limit: Int = defaultLimit) -> BoundedLine {
    var bytes: [UInt8] = []
    var overflow = false
    var sawAny = false
    var byte: UInt8 = 0
    while true {
      #if canImport(Glibc)
        let count = Glibc.read(fd, &byte, 1)
      #else
        let count = Darwin.read(fd, &byte, 1)
      #endif
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      sawAny = true
      if byte == UInt8(ascii: "\n") { break }
      if bytes.count < limit { bytes.append(byte) } else { overflow = true }
    }
    if overflow { return .tooLong(limit: limit) }
    guard sawAny else { return .end }
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    return .line(String(decoding: bytes, as: UTF8.self))
  }

  /// The line, or nil at the end of input or when it was too long.
  public var text: String? {
    if case .line(let text) = self { return text }
    return nil
  }

  /// A sentence for a line that was too long.
  public static func tooLongSentence(_ what: String, limit: Int = defaultLimit) -> String {
    "\(what) is longer than \(limit / 1024) KiB, which no real one is; nothing of it was used."
  }
}
