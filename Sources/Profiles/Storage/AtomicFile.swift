import Platform

/// Reads and replaces files so that a crash at any moment leaves the old file or the new one.
///
/// A write goes to a temporary file in the same folder (created with O_EXCL), is flushed with
/// fsync, renamed over the target, and the folder is fsynced so the rename itself survives a
/// power cut. Temporary files start with a dot and carry `.tmp-`; a writer holding the store's
/// lock removes those left behind by a killed process.
enum AtomicFile {
  /// What `read` found: the bytes and the permission bits of the file.
  struct Contents {
    var data: Data
    var mode: mode_t
  }

  /// The prefix of temporary files made for `name`.
  static func temporaryPrefix(for name: String) -> String { ".\(name).tmp-" }

  /// The largest configuration or credentials file read: far above any real one (a few KiB),
  /// far below what would hurt.
  static let sizeLimit = 4 * 1024 * 1024

  /// Reads the whole file, or returns nil when it does not exist.
  ///
  /// Refuses, before reading a byte, a file another user could have written (`FileTrust`),
  /// anything but a regular file (a FIFO would block, a device never end) and a file over
  /// `sizeLimit`.
  static func read(_ path: String) throws -> Contents? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw failure(path, "read", errno)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(path, "read", errno) }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw ProfileStoreError.unreadable(path: path, problem: "it is not a regular file.")
    }
    try FileTrust.check(path, info, folder: false)
    guard Int(info.st_size) <= sizeLimit else {
      throw ProfileStoreError.unreadable(
        path: path,
        problem: "it is \(Int(info.st_size) / 1024) KiB, more than the \(sizeLimit / 1024 / 1024) MiB "
          + "a configuration file may be.")
    }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path, "read", errno)
      }
      if count == 0 { break }
      data.append(contentsOf: buffer[0..<count])
      if data.count > sizeLimit {  // grew while being read
        throw ProfileStoreError.unreadable(
          path: path, problem: "it grew past the size limit while being read.")
      }
    }
    return Contents(data: data, mode: info.st_mode & 0o7777)
  }

  /// Replaces `path` with `data`, atomically and durably, with permission bits `mode`.
  static func write(_ data: Data, to path: String, mode: mode_t) throws {
    let folder = PlainString.deletingLastPathComponent(path)
    let name = PlainString.lastPathComponent(path)
    var fd: Int32 = -1
    var temporary = ""
    for _ in 0..<16 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      temporary = folder + "/" + temporaryPrefix(for: name) + suffix
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw failure(path, "write", errno) }
    var renamed = false
    defer {
      if !renamed { unlink(temporary) }
    }
    do {
      defer { close(fd) }
      // The umask may have removed bits; set exactly what was asked.
      guard fchmod(fd, mode) == 0 else { throw failure(path, "write", errno) }
      try data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let written = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            throw failure(path, "write", errno)
          }
          offset += written
        }
      }
      guard fsync(fd) == 0 else { throw failure(path, "write", errno) }
    }
    guard rename(temporary, path) == 0 else { throw failure(path, "replace", errno) }
    renamed = true
    try syncFolder(folder)
  }

  /// Renames `path` to `newPath` and makes the rename durable.
  static func move(_ path: String, to newPath: String) throws {
    guard rename(path, newPath) == 0 else { throw failure(path, "rename", errno) }
    try syncFolder(PlainString.deletingLastPathComponent(path))
  }

  /// Flushes a folder's entries so a rename in it survives a power cut.
  static func syncFolder(_ folder: String) throws {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw failure(folder, "open the folder", errno) }
    defer { close(fd) }
    // Some file systems refuse fsync on folders (EINVAL); the rename is still atomic there.
    if fsync(fd) != 0 && errno != EINVAL { throw failure(folder, "flush the folder", errno) }
  }

  /// Removes temporary files that a killed writer left in `folder` for any of `names`.
  ///
  /// Call it only while holding the store's lock: then no live writer owns such a file.
  static func removeLeftovers(in folder: String, for names: [String]) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let prefixes = names.map(temporaryPrefix(for:))
    for entry in entries where prefixes.contains(where: { entry.hasPrefix($0) }) {
      unlink(folder + "/" + entry)
    }
  }

  /// A store error for a failed system call, with the system's words for `code`.
  static func failure(_ path: String, _ action: String, _ code: Int32) -> ProfileStoreError {
    .fileSystem(path: path, action: action, reason: String(cString: strerror(code)))
  }
}

/// `read(2)`, named apart from `AtomicFile.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
  #else
    Darwin.write(fd, buffer, count)
  #endif
}
