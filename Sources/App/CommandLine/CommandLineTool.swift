import Platform
import ServiceNowClient

/// Reads the command line and runs one command. `main.swift` calls this and nothing else.
public enum CommandLineTool {
  public static let version = "0.1.0"

  @MainActor
  public static func main(_ arguments: [String]) async -> Never {
    ProcessHardening.apply()
    let args: [String]
    switch GlobalOptions.read(Array(arguments.dropFirst())) {
    case .failure(let error): finish(fail(error))
    case .success(let global):
      args = global.arguments
      if global.noColour { setenv("NO_COLOR", "1", 1) }
    }
    let rest = Array(args.dropFirst())
    // `check` and `api` always send a request: libcurl (5–10 ms to load) loads on a thread of
    // its own from here, while the arguments are parsed, the profiles read and the plan made.
    if ["check", "api"].contains(args.first), !rest.contains("--help"), !rest.contains("-h") {
      CurlTransport.loadInBackground()
    }
    let status: Int32
    switch args.first {
    case "--version", "-V", "version":
      print("snowgate \(version)")
      status = 0
    case nil, "--help", "-h":
      print(usage)
      status = 0
    case "help":
      status = HelpCommand.run(rest)
    case "completion":
      status = CompletionScript.run(rest)
    case "man":
      print(ManPage.render(), terminator: "")
      status = 0
    case "demo":
      status = await DemoCommand.run(rest)
    case "simulate":
      await finishing { await SimulateCommand.run(rest) }
    case "setup":
      status = await SetupCommand.run(rest)
    case "check":
      await finishing { await CheckCommand.run(rest) }
    case "profiles":
      status = ProfilesCommand.run(rest)
    case "use":
      status = UseCommand.run(rest)
    case "remove":
      status = RemoveCommand.run(rest)
    case "rename":
      status = RenameCommand.run(rest)
    case "token":
      await finishing { await TokenCommand.run(rest) }
    case "api":
      await finishing { await APICommand.run(rest) }
    case "env":
      await finishing { await EnvCommand.run(rest) }
    case "logout":
      await finishing { await LogoutCommand.run(rest) }
    default:
      status = fail(unknownCommand(args[0]))
    }
    finish(status)
  }

  /// Runs a command of the cooperative pool and ends the process there, with its status.
  ///
  /// Not on the main actor, so the command never comes back to it: after `dispatch_main`,
  /// libdispatch serves the main queue from a thread of its own, and returning to `main` made
  /// that thread in every `check` (5 threads instead of 4). `main` itself stays on the main
  /// actor, where setup and demo run without a hop (a hop there cost their first frame ~0.5 ms).
  nonisolated static func finishing(_ command: @Sendable () async -> Int32) async -> Never {
    finish(await command())
  }

  /// Ends the process with `status`, its output flushed, without running exit-time handlers.
  ///
  /// A libcurl transfer thread may still be ending (OpenSSL frees its per-thread state as the
  /// thread exits) when the command is done; `exit` then runs OpenSSL's own clean-up at the
  /// same time, and the two were seen to crash the process with SIGSEGV after a TLS failure
  /// (CI, under load), after the report was printed. Nothing of ours waits for exit handlers:
  /// files are written and synced where they are saved, the terminal is restored by then.
  static func finish(_ status: Int32) -> Never {
    fflush(nil)
    _exit(status)
  }

  static var usage: String { CommandTable.usage }

  /// An unknown command, with the closest known one when there is one.
  static func unknownCommand(_ word: String) -> UsageError {
    let names = CommandTable.commands.map(\.name)
    if let guess = Suggestion.closest(to: word, among: names) {
      return UsageError(
        "unknown command '\(word)'. Did you mean '\(guess)'?",
        hint: "Run 'snowgate help' for the commands.")
    }
    return UsageError("unknown command '\(word)'.", hint: usage)
  }

  /// Says a usage mistake on stderr; exit status 2.
  static func fail(_ error: UsageError) -> Int32 {
    printError(error.text)
    return 2
  }

  /// Says any other failure on stderr in plain words; exit status 1.
  static func failure(_ error: any Error) -> Int32 {
    let text = (error as? LocalizedError)?.errorDescription ?? "\(error)"
    printError("snowgate: \(text)")
    return 1
  }

  static func printError(_ text: String) {
    StandardStream.error.write((text + "\n"))
  }
}
