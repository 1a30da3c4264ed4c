#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a lock file, held for one read-modify-write.
///
/// Every writer, in this process or another, takes it before reading the files it will
/// rewrite, so two processes saving different profiles both keep theirs. Each call opens the
/// file anew, so threads of one process exclude each other too. The kernel drops the lock when
/// its holder dies, so a killed writer never blocks the next one.
enum FileLock {
  /// Runs `body` while holding the lock on `path` (created with mode 0600 if missing).
  static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
    // Never through a symlink: another user's link would make us create or lock their file.
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { throw AtomicFile.failure(path, "open the lock file", errno) }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      throw AtomicFile.failure(path, "lock", errno)
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }
}
