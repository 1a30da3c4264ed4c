import Dispatch
import Platform
import ServiceNowClient

/// Reads the command line and runs one command. `main.swift` calls this and nothing else.
public enum CommandLineTool {
  public static let version = "0.1.0"

  /// Runs the command `arguments` name and ends the process with its status.
  ///
  /// Where each command runs: the wizard's (`setup`, `demo`) on the main actor and the simulator
  /// on Swift's cooperative pool, under `dispatch_main`; the commands that send requests and end
  /// (`check`, `token`, `api`, `env`, `logout`) on the main thread alone, under `CommandLoop`,
  /// as curl runs; the rest at once, with no executor.
  public static func start(_ arguments: [String]) -> Never {
    ProcessHardening.apply()
    let args: [String]
    switch GlobalOptions.read(Array(arguments.dropFirst())) {
    case .failure(let error): finish(fail(error))
    case .success(let global):
      args = global.arguments
      if global.noColour { setenv("NO_COLOR", "1", 1) }
    }
    let rest = Array(args.dropFirst())
    let onLoop = args.first.flatMap { loopCommands[$0] }
    if onLoop != nil { CommandLoop.claim() }
    // `check` and `api` always send a request: libcurl (5–10 ms to load) loads on a thread of
    // its own from here, while the arguments are parsed, the profiles read and the plan made.
    if ["check", "api"].contains(args.first), !rest.contains("--help"), !rest.contains("-h") {
      CurlTransport.loadInBackground()
    }
    if let onLoop { CommandLoop.run { finish(await onLoop(rest)) } }
    switch args.first {
    case "--version", "-V", "version":
      print("snowgate \(version)")
      finish(0)
    case nil, "--help", "-h":
      print(usage)
      finish(0)
    case "help": finish(HelpCommand.run(rest))
    case "completion": finish(CompletionScript.run(rest))
    case "man":
      print(ManPage.render(), terminator: "")
      finish(0)
    case "profiles": finish(ProfilesCommand.run(rest))
    case "use": finish(UseCommand.run(rest))
    case "remove": finish(RemoveCommand.run(rest))
    case "rename": finish(RenameCommand.run(rest))
    case "demo": onMainActor { await DemoCommand.run(rest) }
    case "setup": onMainActor { await SetupCommand.run(rest) }
    case "simulate":
      Task { finish(await SimulateCommand.run(rest)) }
      dispatchMain()
    default: finish(fail(unknownCommand(args[0])))
    }
  }

  /// The commands that send requests and end: they run on the main thread alone, under
  /// `CommandLoop`, and libcurl's transfers with them.
  private static let loopCommands: [String: @Sendable ([String]) async -> Int32] = [
    "check": { await CheckCommand.run($0) }, "token": { await TokenCommand.run($0) },
    "api": { await APICommand.run($0) }, "env": { await EnvCommand.run($0) },
    "logout": { await LogoutCommand.run($0) },
  ]

  /// Runs a command of the screen on the main actor, as an async `main` would: the main queue,
  /// which libdispatch serves from a thread of its own once `dispatch_main` parks the main thread.
  private static func onMainActor(_ command: @escaping @MainActor () async -> Int32) -> Never {
    Task { @MainActor in finish(await command()) }
    dispatchMain()
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
