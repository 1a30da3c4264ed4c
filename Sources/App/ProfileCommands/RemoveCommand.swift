import Platform
import Profiles

/// `snowgate remove NAME [--yes]`: forgets a profile and the secrets snowgate stored for it.
enum RemoveCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("remove") }

  static func run(_ arguments: [String]) -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "remove") {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count == 1, let name = parsed.positionals.first else {
      return CommandLineTool.fail(UsageError("remove needs exactly one profile name.", hint: help))
    }
    do {
      let store = try AppEnvironment.current().store
      let config = try store.load()
      let profile = config.profile(named: name)
      let isDraft = config.draft(named: name) != nil
      guard profile != nil || isDraft else {
        return CommandLineTool.fail(KnownNames.unknownProfile(name, in: config))
      }
      if !(parsed.flags.contains("--yes") || parsed.flags.contains("-y")) {
        guard Confirmation.canAsk else {
          return CommandLineTool.fail(
            UsageError(
              "remove asks before it deletes, and standard input is not a terminal to ask on.",
              hint: "To remove '\(name)' without being asked, add --yes: snowgate remove \(name) --yes"))
        }
        guard Confirmation.ask("Remove \(name)?") else {
          print("Nothing was removed.")
          return 1
        }
      }
      if let profile {
        try store.remove(name: name)
        print("Removed the profile '\(name)' and the secrets snowgate stored for it.")
        if case .command(let argv) = profile.secretStore {
          print("Its command's secrets were not touched (\(argv.joined(separator: " "))).")
        }
        if config.defaultProfile == name {
          print("It was the default; choose another with: snowgate use NAME")
        }
      }
      if isDraft {
        try store.removeDraft(name: name)
        print("Removed the half-finished setup '\(name)'.")
      }
      return 0
    } catch {
      return StoreFailure.report(error)
    }
  }
}
