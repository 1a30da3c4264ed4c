import Platform
import Profiles

/// `snowgate rename OLD NEW`: renames a profile with its stored secrets and default marker.
enum RenameCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("rename") }

  static func run(_ arguments: [String]) -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "rename") {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count == 2 else {
      return CommandLineTool.fail(UsageError("rename needs the old name and the new name.", hint: help))
    }
    let (oldName, newName) = (parsed.positionals[0], parsed.positionals[1])
    do {
      let store = try AppEnvironment.current().store
      let config = try store.load()
      guard config.profile(named: oldName) != nil else {
        return CommandLineTool.fail(KnownNames.unknownProfile(oldName, in: config))
      }
      if oldName == newName {
        print("'\(oldName)' already has that name; nothing changed.")
        return 0
      }
      try store.rename(from: oldName, to: newName)
      print("Renamed '\(oldName)' to '\(newName)'.")
      print("Scripts that use 'snowgate token \(oldName)' need the new name.")
      return 0
    } catch {
      return StoreFailure.report(error)
    }
  }
}
