import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a short command to completion with posix_spawn and waitpid, output through a file.
///
/// Foundation's Process was seen to wait for ever on a tmux client that had exited (the tmux
/// server it forks keeps the client's descriptors, and the exit was never noticed); a plain
/// blocking waitpid on the child's pid cannot miss it, and a file has no reader to wait for.
enum Spawn {
  struct Result {
    var status: Int32
    var output: String
  }

  static func run(_ arguments: [String]) throws -> Result {
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("sg-spawn-\(getpid())-\(UUID().uuidString)").path
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // A clean signal mask and default handlers: the test process may block signals its
    // children must receive.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
    guard spawned == 0 else { throw SpawnError.couldNotStart(arguments[0], errno: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exited = (status & 0x7f) == 0
    return Result(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output: output)
  }
}

enum SpawnError: Error {
  case couldNotStart(String, errno: Int32)
}
