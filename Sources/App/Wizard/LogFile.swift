import Platform

/// Appends the request log to the path `SNOWGATE_LOG` names, without ever replacing it.
///
/// Opened with `O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW` (mode 0600 when created): a path
/// that is a symlink is refused, so another user's link cannot make snowgate write where they
/// choose. `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` are symlinks on Linux, yet they are what
/// a person means by "show me the log here": those names are recognised explicitly and the file
/// descriptor is used as it is, never reopened. Once open, a regular file must belong to the
/// user; a terminal, `/dev/null` or another character device and a FIFO are accepted as they are.
enum LogFile {
  /// Appends `text` to `path`; a sentence for stderr when that cannot be done.
  static func append(_ text: String, to path: String) -> String? {
    let fd: Int32
    if let standard = standardDescriptor(path) {
      fd = dup(standard)
      guard fd >= 0 else { return "SNOWGATE_LOG=\(path): that output is closed, so no log was written." }
    } else {
      fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
      guard fd >= 0 else { return problem(path, errno) }
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return problem(path, errno) }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      if info.st_uid != geteuid() && info.st_uid != 0 {
        return "SNOWGATE_LOG=\(path) belongs to another user, so snowgate did not write its log there."
      }
    case S_IFCHR, S_IFIFO, S_IFSOCK:
      break
    default:
      return "SNOWGATE_LOG=\(path) is not a file snowgate can append to, so no log was written."
    }
    // Blocking again: O_NONBLOCK was only so that a FIFO without a reader fails instead of hanging.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return problem(path, errno)
      }
      bytes = bytes.dropFirst(written)
    }
    return nil
  }

  /// The descriptor a standard name stands for: /dev/stdout, /dev/stderr, /dev/stdin, /dev/fd/N.
  static func standardDescriptor(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return STDOUT_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default:
      for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
        if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
      }
      return nil
    }
  }

  private static func problem(_ path: String, _ code: Int32) -> String {
    switch code {
    case ELOOP:
      return "SNOWGATE_LOG=\(path) is a symbolic link, which snowgate does not follow: give the real path."
    case ENXIO:
      return "SNOWGATE_LOG=\(path) is a pipe nobody is reading, so no log was written."
    case EACCES, EPERM:
      return "SNOWGATE_LOG=\(path) cannot be written (permission denied), so no log was written."
    case ENOENT, ENOTDIR:
      return "SNOWGATE_LOG=\(path): its folder does not exist, so no log was written."
    default:
      return
        "SNOWGATE_LOG=\(path) could not be written (\(String(cString: strerror(code)))), so no log was written."
    }
  }
}
