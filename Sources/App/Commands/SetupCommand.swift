import Foundation
import Profiles
import TerminalUI
import Vocabulary
import WizardCore

/// `snowgate setup [NAME]`: the full-screen wizard that sets up a connection.
@MainActor
enum SetupCommand {
  static let help = """
    Usage: snowgate setup [NAME]

    Set up a connection to a ServiceNow instance in a full-screen wizard: the instance
    address, how to sign in, a test of the connection, and a saved profile named NAME.
    With NAME of a saved connection (or a half-finished setup), opens it for editing.

    For scripts, without a terminal:
      snowgate setup NAME --no-input --instance URL --auth basic|password|refresh-token|client-credentials
        [--username U] [--client-id ID] [--scope S] [--store file|env|command:'CMD …']
        [--password-stdin] [--save-anyway] [--ca-bundle FILE]
    Secrets come from SNOWGATE_PASSWORD, SNOWGATE_CLIENT_SECRET, SNOWGATE_REFRESH_TOKEN or
    --password-stdin. It tests the connection and saves only when the test passes.

    --ca-bundle FILE trusts the CA certificates in FILE (PEM) as well as the system store, and
    saves it in the profile (else SNOWGATE_CA_BUNDLE or SSL_CERT_FILE).

    Keys: Tab/↑/↓ move, Enter continues, Esc goes back, F1 help, Ctrl-C quits.
    The wizard needs a terminal of at least 60×20.
    """

  static func run(_ arguments: [String]) async -> Int32 {
    if arguments.contains("--no-input") {
      return await ScriptedSetup.run(arguments)
    }
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, options: ["--ca-bundle"], help: help) {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count <= 1 else {
      return CommandLineTool.fail(UsageError("setup takes at most one profile name.", hint: help))
    }
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.failure(error)
    }
    environment.caBundle = parsed.options["--ca-bundle"]
    return await runWizard(
      environment: environment, prefilledInstance: nil, profileName: parsed.positionals.first)
  }

  /// Opens the terminal, runs the wizard, restores the terminal, and says how it ended.
  static func runWizard(environment: AppEnvironment, prefilledInstance: String?, profileName: String?) async
    -> Int32
  {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      CommandLineTool.printError(
        """
        snowgate: the setup wizard needs a terminal, and standard input or output is not one.
        Run it in a terminal, or set up a connection from a script without one:
          snowgate setup NAME --no-input --instance URL --auth basic --username USER
        with the password in SNOWGATE_PASSWORD (see snowgate setup --help).
        """)
      return 2
    }
    let saved = savedSummaries(environment.store)
    guard let terminal = NcursesTerminal.open(environment: environment.variables) else {
      CommandLineTool.printError(
        """
        snowgate: this terminal cannot show the full-screen wizard (TERM=\(environment.variables["TERM"] ?? "unset")).
        Try TERM=xterm-256color, or run it in another terminal.
        """)
      return 2
    }
    let outcome: WizardRuntime.Outcome
    let finalState: WizardState
    let keptDraft: String?
    do {
      defer { terminal.restore() }
      let runtime = WizardRuntime(terminal: terminal, environment: environment)
      outcome = await runtime.run(
        start: .start(savedProfiles: saved, prefilledInstance: prefilledInstance, profileName: profileName))
      finalState = runtime.finalState
      keptDraft = runtime.keptDraftName
    }
    environment.writeLogIfAsked()
    switch outcome {
    case .finished(.success):
      if let name = finalState.done?.profileName {
        print("Saved the connection '\(name)' in \(environment.store.configURL.path).")
        print("Next: snowgate check \(name)")
      }
      return 0
    case .finished(.cancelled):
      if let keptDraft {
        print(
          "Kept as an unfinished setup '\(keptDraft)' (no secrets); resume it with: snowgate setup \(keptDraft)"
        )
      } else {
        print("Setup cancelled; nothing was saved.")
      }
      return 1
    }
  }

  /// The saved connections and half-finished setups for the welcome screen; none when the
  /// file cannot be read (the save step then explains the problem).
  static func savedSummaries(_ store: ProfileStore) -> [WizardCore.ProfileSummary] {
    guard let config = try? store.load() else { return [] }
    let complete = config.profiles.map {
      WizardCore.ProfileSummary(
        name: $0.name, instance: $0.instanceURL.absoluteString,
        authKind: AuthKind(rawValue: $0.authType.rawValue), isComplete: true)
    }
    let drafts = config.drafts.map {
      WizardCore.ProfileSummary(
        name: $0.name, instance: $0.instanceURL.absoluteString,
        authKind: $0.authType.flatMap { AuthKind(rawValue: $0.rawValue) }, isComplete: false)
    }
    return complete + drafts
  }
}
