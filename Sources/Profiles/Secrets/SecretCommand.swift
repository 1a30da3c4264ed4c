import Foundation
import Vocabulary

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a profile's external secret command (`pass show …`, `secret-tool lookup …`) without a shell.
///
/// The trimmed standard output is the secret. Standard input is /dev/null and standard error is
/// discarded: the command must not prompt on the terminal the wizard is drawing on, and neither
/// stream may end up in an error message, since either could hold the secret.
struct SecretCommand: Sendable {
  var argv: [String]
  var timeout: TimeInterval

  /// The environment variables holding secrets, never passed on to the command.
  static let secretVariables: Set<String> = ChildEnvironment.secretVariables

  /// The most a secret command may print: a secret, even a long JWT, is a few KiB.
  static let outputLimit = 64 * 1024

  /// The command as people see it in messages (it is configuration, not a secret).
  var displayText: String { argv.joined(separator: " ") }

  /// Runs the command for one secret of one profile and returns what it printed, trimmed.
  ///
  /// Returns nil when it printed nothing and `emptyIsNone` is set (a public client's absent
  /// client secret); otherwise an empty answer is an error.
  func run(
    profile: String, kind: SecretKind, environment: [String: String], emptyIsNone: Bool
  ) throws -> Secret? {
    func failure(_ problem: SecretCommandProblem) -> ProfileStoreError {
      .secretCommandFailed(command: displayText, kind: kind, problem: problem)
    }
    let arguments = argv.map {
      $0.replacingOccurrences(of: "{profile}", with: profile)
        .replacingOccurrences(of: "{secret}", with: kind.commandName)
    }
    guard let program = arguments.first, let executable = Self.locate(program, environment: environment)
    else { throw failure(.notFound) }
    // The program prints secrets and runs with this user's rights: one that another user
    // could have replaced is not run (a script in a shared folder, a world-writable file).
    var info = stat()
    if stat(executable, &info) == 0 {
      try FileTrust.check(executable, info, kind: .program)
    }

    var childEnvironment = ChildEnvironment.withoutSecrets(environment)
    childEnvironment["SNOWGATE_PROFILE"] = profile
    childEnvironment["SNOWGATE_SECRET_KIND"] = kind.commandName

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = Array(arguments.dropFirst())
    process.environment = childEnvironment
    process.standardInput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let output = Pipe()
    process.standardOutput = output
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    do {
      try process.run()
    } catch {
      throw failure(.couldNotStart(reason: Self.startFailureReason(error)))
    }

    let collected = OutputCollector()
    let reader = output.fileHandleForReading
    let finishedReading = DispatchSemaphore(value: 0)
    let limit = Self.outputLimit
    let tooMuch = OutputCollector()
    let pid = process.processIdentifier
    DispatchQueue.global().async {
      // Bounded: a command that prints without end is stopped, not collected into memory.
      var data = Data()
      while let chunk = try? reader.read(upToCount: 16 * 1024), !chunk.isEmpty {
        data.append(chunk)
        if data.count > limit {
          tooMuch.set(Data([1]))
          kill(pid, SIGKILL)
          data = Data()
          break
        }
      }
      collected.set(data)
      finishedReading.signal()
    }

    if exited.wait(timeout: .now() + timeout) == .timedOut {
      let pid = process.processIdentifier
      process.terminate()
      if exited.wait(timeout: .now() + 1) == .timedOut { kill(pid, SIGKILL) }
      _ = exited.wait(timeout: .now() + 1)
      try? reader.close()
      throw failure(.timedOut(seconds: timeout))
    }
    // A grandchild may keep the pipe open; do not wait for it forever.
    _ = finishedReading.wait(timeout: .now() + 1)

    if !tooMuch.data.isEmpty { throw failure(.printedTooMuch(limit: limit)) }
    switch process.terminationReason {
    case .uncaughtSignal: throw failure(.killed(signal: process.terminationStatus))
    case .exit where process.terminationStatus != 0:
      throw failure(.exited(status: process.terminationStatus))
    default: break
    }
    let text = String(decoding: collected.data, as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty {
      if emptyIsNone { return nil }
      throw failure(.printedNothing)
    }
    return Secret(text)
  }

  /// The full path of `program`: as given when it contains a slash, else searched on PATH.
  static func locate(_ program: String, environment: [String: String]) -> String? {
    let files = FileManager.default
    if program.contains("/") {
      return files.isExecutableFile(atPath: program) ? program : nil
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = String(folder) + "/" + program
      var isFolder: ObjCBool = false
      if files.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
        files.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    return nil
  }

  private static func startFailureReason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(posix.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
  }
}
