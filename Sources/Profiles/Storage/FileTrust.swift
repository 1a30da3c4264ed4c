import Platform

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a folder or file of the configuration can be trusted, the way ssh decides for
/// `~/.ssh`: it must belong to the user running snowgate (or to root) and be writable by
/// nobody else. A profile names the command that prints its secrets, so a config another user
/// could write is a way to run their program with this user's rights.
enum FileTrust {
  /// What is checked, for the fix to suggest.
  enum Kind {
    case folder, file, program

    func fix(_ path: String) -> String {
      switch self {
      case .folder: "chmod 700 \(path)"
      case .file: "chmod 600 \(path)"
      case .program: "chmod go-w \(path)"
      }
    }
  }

  /// Refuses `path` (already `fstat`ed or `stat`ed into `info`) when another user could write it.
  static func check(_ path: String, _ info: stat, folder: Bool) throws {
    try check(path, info, kind: folder ? .folder : .file)
  }

  /// Refuses `path` when another user could write it; `kind` chooses the fix.
  static func check(_ path: String, _ info: stat, kind: Kind) throws {
    let me = geteuid()
    let mode = info.st_mode & 0o7777
    if info.st_uid != me && info.st_uid != 0 {
      throw ProfileStoreError.untrusted(
        path: path, problem: "it belongs to another user (uid \(info.st_uid))",
        fix: "chown \(userName(me)) \(quote(path))")
    }
    if mode & 0o022 != 0 {
      let who = mode & 0o002 != 0 ? "every user" : "its group"
      throw ProfileStoreError.untrusted(
        path: path, problem: "\(who) can write it (its mode is 0\(String(mode, radix: 8)))",
        fix: kind.fix(quote(path)))
    }
  }

  /// Refuses the folder at `path` when another user could write it; nil when it does not exist.
  @discardableResult
  static func checkFolder(_ path: String) throws -> stat? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    try check(path, info, folder: true)
    return info
  }

  private static func userName(_ uid: uid_t) -> String {
    guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return String(uid) }
    return String(cString: name)
  }

  private static func quote(_ path: String) -> String {
    path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@".contains($0) }
      ? path
      : PlainString.shellQuoted(path)
  }
}
