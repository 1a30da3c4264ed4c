import Foundation

/// Reads the command line and runs one command. `main.swift` calls this and nothing else.
public enum CommandLineTool {
  public static let version = "0.1.0"

  public static func main(_ arguments: [String]) async -> Never {
    let args = Array(arguments.dropFirst())
    let status: Int32
    switch args.first {
    case "--version", "-V":
      print("snowgate \(version)")
      status = 0
    case nil, "--help", "-h", "help":
      print(usage)
      status = 0
    case "simulate": status = await SimulateCommand.run(Array(args.dropFirst()))
    default:
      FileHandle.standardError.write(Data("snowgate: unknown command '\(args[0])'\n\n\(usage)\n".utf8))
      status = 2
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
      check [NAME]         diagnose a connection
      token [NAME]         print a fresh access token

    Run 'snowgate COMMAND --help' for a command's options.
    """
}
