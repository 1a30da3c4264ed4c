import Foundation
import Profiles

/// `snowgate profiles [--json]`: the saved connections, the default, token expiry, never a secret.
enum ProfilesCommand {
  static let help = """
    Usage: snowgate profiles [--json]
           snowgate profiles export NAME [--output FILE]   (a template without secrets; see its --help)

    Lists the saved connections: name, instance, how each signs in, where its secrets live,
    and how long its stored access token has left. The default profile is marked with *.
    Half-finished setups are listed separately. No secret is ever shown.

    Options:
      --json     print a JSON object for scripts (see the README for its keys)
      --help     show this help

    Exit status: 0 listed (also when there are none), 2 usage error or a configuration file
    snowgate cannot read (the message names the file; it is left untouched).
    """

  static func run(_ arguments: [String], now: Date = Date()) -> Int32 {
    if arguments.first == "export" { return ProfileExportCommand.run(Array(arguments.dropFirst())) }
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, flags: ["--json"], help: help) {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.isEmpty else {
      return CommandLineTool.fail(
        UsageError("profiles takes no names.", hint: "Run 'snowgate profiles' to list every profile."))
    }
    let store: ProfileStore
    let listing: ProfileListing
    let config: Config
    do {
      store = try AppEnvironment.current().store
      listing = try store.listing()
      config = try store.load()
    } catch {
      return StoreFailure.report(error)
    }
    if parsed.flags.contains("--json") {
      print(ProfileListingJSON.render(listing, config: config, configFile: store.configURL.path, now: now))
    } else {
      print(ProfileTable.render(listing, drafts: config.drafts, now: now))
    }
    if let problem = listing.credentialsProblem {
      CommandLineTool.printError("snowgate: token expiry is not shown: \(problem)")
    }
    return 0
  }
}
