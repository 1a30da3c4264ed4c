import Platform

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

  /// Runs `body` while holding the lock on `path`, waiting for it on a thread of its own.
  ///
  /// `flock` blocks its thread until the holder lets go, which may take a whole token request
  /// in another process; on Swift's small cooperative pool that would stall every other task,
  /// so the wait happens on a dedicated thread and only the result comes back.
  static func withLock<T>(_ path: String, _ body: () async throws -> T) async throws -> T {
    let fd = try await acquire(path)
    defer {
      flock(fd, LOCK_UN)
      close(fd)
    }
    return try await body()
  }

  /// Opens `path` and takes its exclusive lock on a new thread; returns the open descriptor.
  private static func acquire(_ path: String) async throws -> Int32 {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, Error>) in
      DetachedThread.start(stackSize: 128 * 1024) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
          continuation.resume(throwing: AtomicFile.failure(path, "open the lock file", errno))
          return
        }
        while flock(fd, LOCK_EX) != 0 {
          if errno == EINTR { continue }
          let code = errno
          close(fd)
          continuation.resume(throwing: AtomicFile.failure(path, "lock", code))
          return
        }
        continuation.resume(returning: fd)
      }
    }
  }
}
