import Platform
import Profiles

/// `snowgate use [NAME]`: makes NAME the profile commands use when they are given none, or
/// without NAME says which one that is.
enum UseCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("use") }

  static func run(_ arguments: [String]) -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "use") {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count <= 1 else {
      return CommandLineTool.fail(UsageError("use takes one profile name.", hint: help))
    }
    guard let name = parsed.positionals.first else { return showDefault() }
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

  /// `snowgate use` without a name: the default profile's name on stdout, or why there is none.
  static func showDefault() -> Int32 {
    do {
      let config = try AppEnvironment.current().store.load()
      guard let name = config.defaultProfile else {
        let hint =
          config.profiles.isEmpty
          ? "Set one up with 'snowgate setup'."
          : "Choose one with 'snowgate use NAME' (saved: "
            + config.profiles.map(\.name).joined(separator: ", ") + ")."
        return CommandLineTool.fail(UsageError("no default profile is set.", hint: hint))
      }
      print(name)
      return 0
    } catch {
      return StoreFailure.report(error)
    }
  }
}
