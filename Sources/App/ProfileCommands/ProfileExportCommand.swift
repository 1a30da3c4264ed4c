import Platform
import Profiles

/// `snowgate profiles export NAME [--output FILE]`: the connection as a template without secrets.
///
/// A template lets a team share one connection while each person signs in as themselves
/// (`snowgate setup --from FILE`): it names the instance, the sign-in kind and the OAuth client,
/// never a password, secret, token or user name.
enum ProfileExportCommand {
  static let help = """
    Usage: snowgate profiles export NAME [--output FILE]

    Writes the connection NAME as a template (JSON) without any secret or user name: the instance,
    API version, auth kind, client ID, scope, redirect URI and CA bundle file, with a version field.
    Another person sets it up with: snowgate setup --from FILE [NAME] (or --no-input for scripts).

    Options:
      --output FILE   write the template to FILE (default: standard output)
      --help          show this help

    Exit status: 0 written, 1 the file could not be written, 2 usage error or no such profile.
    """

  static func run(_ arguments: [String]) -> Int32 {
    // A subcommand of `profiles`, parsed on its own: one option, and --help.
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return 0
    }
    let parsed: ParsedArguments
    do {
      parsed = try ParsedArguments.parse(
        arguments, flags: [], options: ["--output"], command: "profiles export")
    } catch {
      return CommandLineTool.fail(error)
    }
    guard parsed.positionals.count == 1, let name = parsed.positionals.first else {
      return CommandLineTool.fail(UsageError("profiles export takes one profile name.", hint: help))
    }
    let config: Config
    do {
      config = try AppEnvironment.current().store.load()
    } catch {
      return StoreFailure.report(error)
    }
    guard let profile = config.profile(named: name) else {
      return CommandLineTool.fail(UsageError(CheckPlanner.describe(ProfileStoreError.profileNotFound(name))))
    }
    let text = ConnectionTemplate(profile: profile).json()
    guard let output = parsed.options["--output"] else {
      StandardStream.output.write(text)
      return 0
    }
    guard !output.isEmpty, FileManager.default.createFile(atPath: output, contents: Data(utf8Of: text)) else {
      CommandLineTool.printError(
        "snowgate: cannot write the template to \(output) (check the folder exists and is writable).")
      return 1
    }
    CommandLineTool.printError(
      "Wrote the template of \(name) to \(output) (no secrets). Set it up with: snowgate setup --from \(output)"
    )
    return 0
  }
}
