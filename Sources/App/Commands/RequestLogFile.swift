import Platform

/// The simulator's `--request-log` file: one line per request, appended with one `write` each.
///
/// Opened with O_APPEND so each line lands whole even while many connection threads log at once,
/// and a test in another process can count the lines while the simulator runs.
final class RequestLogFile: Sendable {
  private let descriptor: Int32

  /// Opens (creating with mode 0600) `path` for appending; nil when it cannot be opened.
  init?(path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return nil }
    descriptor = fd
  }

  deinit { close(descriptor) }

  /// Appends `line` and a newline.
  func append(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }
}
