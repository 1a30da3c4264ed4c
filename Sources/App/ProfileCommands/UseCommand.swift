import Foundation
import Profiles

/// `snowgate use NAME`: makes NAME the profile commands use when they are given none.
enum UseCommand {
  static let help = """
    Usage: snowgate use NAME

    Makes the saved profile NAME the default: 'snowgate check' and 'snowgate token'
    use it when no name is given. 'snowgate profiles' marks it with *.

    Exit status: 0 done, 1 the file could not be written, 2 usage error, unknown NAME,
    or a configuration file snowgate cannot read.
    """

  static func run(_ arguments: [String]) -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, help: help) {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count == 1, let name = parsed.positionals.first else {
      return CommandLineTool.fail(UsageError("use needs exactly one profile name.", hint: help))
    }
    do {
      let store = try AppEnvironment.current().store
      let config = try store.load()
      guard config.profile(named: name) != nil else {
        return CommandLineTool.fail(KnownNames.unknownProfile(name, in: config))
      }
      if config.defaultProfile == name {
        print("'\(name)' is already the default profile.")
        return 0
      }
      try store.setDefault(name: name)
      print("The default profile is now '\(name)'.")
      return 0
    } catch {
      return StoreFailure.report(error)
    }
  }
}
