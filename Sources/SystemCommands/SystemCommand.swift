import Platform

/// Runs one of the system's own tools (`openssl`, `secret-tool`, `security`) the safe way.
///
/// snowgate calls the OS for what it already does well instead of linking more, and those calls
/// carry secrets: a private key's signature input, a keyring secret. So the program starts with
/// posix_spawn and no shell (every argument reaches it as it is), gets its input on standard input
/// (never in argv, which every user of the machine can read in /proc), runs with an environment
/// without any `SNOWGATE_*` variable (those hold secrets), in its own process group that is killed
/// whole at the deadline, and may write at most `outputLimit` bytes on each stream.
///
/// `run()` blocks its thread until the program ends; async code calls `output()`, which waits on
/// a thread of its own so the cooperative pool stays free.
public struct SystemCommand: Sendable {
  /// The program (a name looked up on PATH, or a path) followed by its arguments.
  public var arguments: [String]
  /// Bytes written to the program's standard input, which is then closed.
  public var input: Data
  /// The environment the program gets, minus every `SNOWGATE_*` variable.
  public var environment: [String: String]
  /// Seconds from the start until the program and its process group are killed.
  public var deadline: TimeInterval
  /// The most bytes kept from each of standard output and standard error; more kills the program.
  public var outputLimit: Int
  /// Variables set for the program after the `SNOWGATE_*` ones are removed: what snowgate tells
  /// it on purpose (a secret command's `SNOWGATE_PROFILE`), never anything inherited.
  public var told: [String: String]

  public init(
    _ arguments: [String], input: Data = Data(),
    environment: [String: String] = ProcessInfo.processInfo.environment, deadline: TimeInterval = 10,
    outputLimit: Int = 64 * 1024, told: [String: String] = [:]
  ) {
    precondition(!arguments.isEmpty, "a command needs a program")
    self.arguments = arguments
    self.input = input
    self.environment = environment
    self.deadline = deadline
    self.outputLimit = outputLimit
    self.told = told
  }

  /// The program's name as people see it in messages ("openssl", "secret-tool").
  public var programName: String { PlainString.lastPathComponent(arguments[0]) }

  /// The environment actually handed over: `environment` without the `SNOWGATE_*` variables,
  /// then `told`.
  public var childEnvironment: [String: String] {
    environment.filter { !$0.key.hasPrefix("SNOWGATE_") }.merging(told) { _, said in said }
  }

  /// Runs the program on a thread of its own and returns how it ended.
  public func output() async throws(SystemCommandError) -> SystemCommandOutput {
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<SystemCommandOutput, SystemCommandError>, Never>) in
      DetachedThread.start(stackSize: 512 * 1024) {
        continuation.resume(returning: Result { () throws(SystemCommandError) in try self.run() })
      }
    }
    return try result.get()
  }

  /// Runs the program to its end (or the deadline) on the calling thread.
  public func run() throws(SystemCommandError) -> SystemCommandOutput {
    guard let executable = Self.locate(arguments[0], environment: environment) else {
      throw SystemCommandError.notFound(program: programName)
    }
    let start = Date()
    let stdinPipe = try Self.makePipe(programName)
    let stdoutPipe = try Self.makePipe(programName)
    let stderrPipe = try Self.makePipe(programName)

    var pid: pid_t = 0
    let spawned = spawn(
      executable, pid: &pid, stdio: [stdinPipe.read, stdoutPipe.write, stderrPipe.write])
    close(stdinPipe.read)
    close(stdoutPipe.write)
    close(stderrPipe.write)
    guard spawned == 0 else {
      close(stdinPipe.write)
      close(stdoutPipe.read)
      close(stderrPipe.read)
      throw SystemCommandError.couldNotStart(program: programName, reason: String(cString: strerror(spawned)))
    }

    var exchange = Exchange(
      input: input, stdin: stdinPipe.write, stdout: stdoutPipe.read, stderr: stderrPipe.read,
      limit: outputLimit)
    defer { exchange.closeAll() }
    let ending = Date(timeInterval: deadline, since: start)
    switch exchange.pump(until: ending) {
    case .finished:
      break
    case .tooMuchOutput:
      Self.killGroup(pid)
      throw SystemCommandError.outputTooLarge(program: programName, limit: outputLimit)
    case .deadline:
      Self.killGroup(pid)
      throw SystemCommandError.timedOut(program: programName, seconds: deadline)
    }
    guard let status = Self.reap(pid, until: ending) else {
      Self.killGroup(pid)
      throw SystemCommandError.timedOut(program: programName, seconds: deadline)
    }
    let exited = (status & 0x7f) == 0
    return SystemCommandOutput(
      exitStatus: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f,
      standardOutput: exchange.output, standardError: exchange.errors)
  }

  /// Starts the program and returns at once; it runs on by itself (a browser).
  ///
  /// Its standard streams are /dev/null, it gets the same clean environment, signal mask and
  /// process group as `run()`, and a thread of its own collects it when it ends, so no zombie
  /// is left behind. The deadline and output limit do not apply.
  public func launch() throws(SystemCommandError) {
    guard let executable = Self.locate(arguments[0], environment: environment) else {
      throw SystemCommandError.notFound(program: programName)
    }
    let null = open("/dev/null", O_RDWR | O_CLOEXEC)
    guard null >= 0 else {
      throw SystemCommandError.couldNotStart(program: programName, reason: String(cString: strerror(errno)))
    }
    var pid: pid_t = 0
    let spawned = spawn(executable, pid: &pid, stdio: [null, null, null])
    close(null)
    guard spawned == 0 else {
      throw SystemCommandError.couldNotStart(program: programName, reason: String(cString: strerror(spawned)))
    }
    let child = pid
    DetachedThread.start(stackSize: 64 * 1024) {
      var status: Int32 = 0
      while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    }
  }

  /// posix_spawn of `executable` with `stdio` as its descriptors 0, 1 and 2: no shell, a clean
  /// signal mask and default handlers, its own process group, the child environment. Returns
  /// posix_spawn's result (0 when it started).
  private func spawn(_ executable: String, pid: inout pid_t, stdio: [Int32]) -> Int32 {
    #if canImport(Glibc)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #else
      // Darwin's are opaque pointers that the init calls fill in; there is no empty value.
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for (target, descriptor) in stdio.enumerated() {
      posix_spawn_file_actions_adddup2(&actions, descriptor, Int32(target))
    }

    // A clean signal mask and default handlers (a test runner or the wizard may block or catch
    // signals the child must get), and a process group of its own so the deadline kills it whole.
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGQUIT] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    let argv: [UnsafeMutablePointer<CChar>?] =
      ([executable] + arguments.dropFirst()).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let envp: [UnsafeMutablePointer<CChar>?] =
      childEnvironment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }

    var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    // ETXTBSY: a script written a moment ago is still open for writing in a child another
    // thread is forking; once that child execs, the descriptor closes, so try again shortly.
    var retries = 0
    while spawned == ETXTBSY && retries < 20 {
      retries += 1
      usleep(useconds_t(5_000 * retries))
      spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    }
    return spawned
  }

  /// The full path of `program`: as given when it contains a slash, else searched on PATH.
  public static func locate(_ program: String, environment: [String: String]) -> String? {
    let files = FileManager.default
    func isProgram(_ path: String) -> Bool {
      FileKind.at(path) == .file && files.isExecutableFile(atPath: path)
    }
    if program.contains("/") { return isProgram(program) ? program : nil }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = String(folder) + "/" + program
      if isProgram(candidate) { return candidate }
    }
    return nil
  }

  // MARK: Process plumbing

  private static func makePipe(_ program: String) throws(SystemCommandError) -> (read: Int32, write: Int32) {
    var fds: [Int32] = [-1, -1]
    #if canImport(Glibc)
      // pipe2 sets close-on-exec atomically, so a child another thread spawns at this moment
      // cannot inherit these ends (Glibc's module map hides it behind _GNU_SOURCE).
      let made = linuxPipe2(&fds, Int32(O_CLOEXEC))
    #else
      let made = pipe(&fds)
      if made == 0 {
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
      }
    #endif
    guard made == 0 else {
      throw SystemCommandError.couldNotStart(program: program, reason: String(cString: strerror(errno)))
    }
    return (fds[0], fds[1])
  }

  /// Kills the program's whole process group and collects the program.
  private static func killGroup(_ pid: pid_t) {
    kill(-pid, SIGKILL)
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

  /// Waits for the program to exit, at most until `ending`; nil when it is still running.
  private static func reap(_ pid: pid_t, until ending: Date) -> Int32? {
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { return status }
      if result < 0 && errno != EINTR { return 0 }
      if Date() >= ending { return nil }
      usleep(2_000)
    }
  }
}

/// The three pipes of one run: feeds standard input and collects both outputs with poll.
private struct Exchange {
  enum Outcome {
    case finished, tooMuchOutput, deadline
  }

  var input: Data
  var written = 0
  var stdin: Int32
  var stdout: Int32
  var stderr: Int32
  var limit: Int
  var output = Data()
  var errors = Data()

  init(input: Data, stdin: Int32, stdout: Int32, stderr: Int32, limit: Int) {
    self.input = input
    self.stdin = stdin
    self.stdout = stdout
    self.stderr = stderr
    self.limit = limit
    for fd in [stdin, stdout, stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    #if canImport(Darwin)
      _ = fcntl(stdin, F_SETNOSIGPIPE, 1)
    #endif
    if input.isEmpty { closeInput() }
  }

  mutating func pump(until ending: Date) -> Outcome {
    while stdin >= 0 || stdout >= 0 || stderr >= 0 {
      let remaining = ending.timeIntervalSinceNow
      if remaining <= 0 { return .deadline }
      var fds: [pollfd] = []
      if stdin >= 0 { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
      if stdout >= 0 { fds.append(pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)) }
      if stderr >= 0 { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000 + 1, 60_000)))
      if ready < 0 {
        if errno == EINTR { continue }
        return .deadline
      }
      for entry in fds where entry.revents != 0 {
        if entry.fd == stdin {
          writeSome()
        } else if entry.fd == stdout {
          if !Self.readSome(from: &stdout, into: &output, limit: limit) { return .tooMuchOutput }
        } else if entry.fd == stderr {
          if !Self.readSome(from: &stderr, into: &errors, limit: limit) { return .tooMuchOutput }
        }
      }
    }
    return .finished
  }

  /// Writes what the pipe takes; a program that stopped reading (EPIPE) just gets no more.
  private mutating func writeSome() {
    // SIGPIPE would kill snowgate itself: block it on this thread while writing, and swallow
    // the one a closed pipe raises (it is pending on this thread only).
    #if canImport(Glibc)
      var pipeSignal = sigset_t()
      sigemptyset(&pipeSignal)
      sigaddset(&pipeSignal, SIGPIPE)
      var previous = sigset_t()
      pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
      defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    #endif
    let count = input.withUnsafeBytes { bytes in
      write(stdin, bytes.baseAddress! + written, bytes.count - written)
    }
    if count > 0 {
      written += count
      if written >= input.count { closeInput() }
      return
    }
    if count < 0 && (errno == EAGAIN || errno == EINTR) { return }
    #if canImport(Glibc)
      if errno == EPIPE {
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 { _ = sigtimedwait(&pipeSignal, nil, &zero) }
      }
    #endif
    closeInput()
  }

  /// Reads what is there; false when the stream went over the limit.
  private static func readSome(from fd: inout Int32, into buffer: inout Data, limit: Int) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    let count = read(fd, &chunk, chunk.count)
    if count > 0 {
      buffer.append(contentsOf: chunk[0..<count])
      return buffer.count <= limit
    }
    if count < 0 && (errno == EAGAIN || errno == EINTR) { return true }
    close(fd)
    fd = -1
    return true
  }

  private mutating func closeInput() {
    if stdin >= 0 { close(stdin) }
    stdin = -1
  }

  mutating func closeAll() {
    closeInput()
    if stdout >= 0 { close(stdout) }
    if stderr >= 0 { close(stderr) }
    stdout = -1
    stderr = -1
  }
}

#if canImport(Glibc)
  @_silgen_name("pipe2")
  private func linuxPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
#endif
