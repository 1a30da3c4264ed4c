import Foundation

/// Reads the command line and runs one command. `main.swift` calls this and nothing else.
public enum CommandLineTool {
  public static let version = "0.1.0"

  @MainActor
  public static func main(_ arguments: [String]) async -> Never {
    ProcessHardening.apply()
    let args = Array(arguments.dropFirst())
    let rest = Array(args.dropFirst())
    let status: Int32
    switch args.first {
    case "--version", "-V", "version":
      print("snowgate \(version)")
      status = 0
    case nil, "--help", "-h", "help":
      print(usage)
      status = 0
    case "demo":
      status = await DemoCommand.run(rest)
    case "simulate":
      status = await SimulateCommand.run(rest)
    case "setup":
      status = await SetupCommand.run(rest)
    case "check":
      status = await CheckCommand.run(rest)
    case "profiles":
      status = ProfilesCommand.run(rest)
    case "use":
      status = UseCommand.run(rest)
    case "remove":
      status = RemoveCommand.run(rest)
    case "rename":
      status = RenameCommand.run(rest)
    case "token":
      status = await TokenCommand.run(rest)
    case "logout":
      status = await LogoutCommand.run(rest)
    default:
      status = fail(UsageError("unknown command '\(args[0])'.", hint: usage))
    }
    exit(status)
  }

  static let usage = """
    snowgate: connect a terminal to ServiceNow

    Usage: snowgate COMMAND [OPTIONS]

    Commands:
      demo                 try the wizard against a built-in simulated instance
      simulate             run the simulated ServiceNow instance
      setup [NAME]         set up a connection in a full-screen wizard
                           (add --no-input and flags to set one up from a script)
      check [NAME]         diagnose a connection
      token [NAME]         print a fresh access token (refreshed when needed)
      logout NAME          revoke and forget a connection's tokens
      profiles [--json]    list the saved connections
      use NAME             make NAME the default connection
      remove NAME [--yes]  forget a saved connection and its stored secrets
      rename OLD NEW       rename a saved connection

    Run 'snowgate COMMAND --help' for a command's options.
    """

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
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
