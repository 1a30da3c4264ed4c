import Platform
import Profiles
import TerminalUI
import TextSafety
import Vocabulary
import WizardCore

/// `snowgate setup [NAME]`: the full-screen wizard that sets up a connection.
@MainActor
enum SetupCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("setup") }

  static func run(_ arguments: [String]) async -> Int32 {
    if let index = arguments.firstIndex(of: "--from") {
      return await runFromTemplate(arguments, at: index)
    }
    if arguments.contains("--no-input") {
      return await ScriptedSetup.run(arguments)
    }
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "setup") {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    guard parsed.positionals.count <= 1 else {
      return CommandLineTool.fail(UsageError("setup takes at most one profile name.", hint: help))
    }
    // The table's setup takes the --no-input options too; the wizard only those it prefills.
    if let option = (parsed.options.keys.sorted() + parsed.flags.sorted()).first(where: {
      !options.contains($0)
    }) {
      return CommandLineTool.fail(
        UsageError("\(option) goes with --no-input (setting up from a script).", hint: help))
    }
    let prefill: SetupPrefill
    let deadline: Duration?
    do {
      (prefill, deadline) = try Self.prefill(parsed)
    } catch {
      return CommandLineTool.fail(error)
    }
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.failure(error)
    }
    if let deadline { environment.deadline = deadline }
    environment.caBundle = parsed.options["--ca-bundle"]
    return await runWizard(
      environment: environment, prefilledInstance: nil, profileName: parsed.positionals.first,
      prefill: prefill, plain: parsed.flags.contains("--plain"))
  }

  /// Whether the wizard speaks in plain lines: asked for, or a terminal that cannot do more.
  static func wantsPlainLines(_ variables: [String: String], asked: Bool) -> Bool {
    asked || variables["TERM"] == "dumb"
      || ["1", "true", "yes"].contains(variables["SNOWGATE_ACCESSIBLE"] ?? "")
  }

  /// The options the wizard takes (it fills its fields with them); the others need --no-input.
  nonisolated static let options: Set<String> = [
    "--instance", "--auth", "--username", "--client-id", "--timeout", "--ca-bundle", "--plain",
  ]

  /// The fields the command line fills, and the deadline it sets.
  nonisolated static func prefill(_ parsed: ParsedArguments) throws(UsageError) -> (SetupPrefill, Duration?) {
    var prefill = SetupPrefill(
      instance: parsed.options["--instance"], username: parsed.options["--username"],
      clientID: parsed.options["--client-id"])
    if let word = parsed.options["--auth"] {
      guard let kind = AuthKind(word: word) else {
        throw UsageError(
          "--auth takes one of \(AuthKind.words.joined(separator: ", ")), not “\(word)”.",
          hint: "For example: snowgate setup prod --instance dev12345 --auth basic")
      }
      prefill.authKind = kind
    }
    var deadline: Duration?
    if let text = parsed.options["--timeout"] {
      guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 600 else {
        throw UsageError(
          "--timeout needs a number of seconds between 0 and 600, not “\(text)”.",
          hint: "For example: snowgate setup --timeout 30")
      }
      deadline = .milliseconds(Int64((seconds * 1000).rounded()))
    }
    return (prefill, deadline)
  }

  /// Opens the terminal, runs the wizard, restores the terminal, and says how it ended.
  static func runWizard(
    environment: AppEnvironment, prefilledInstance: String?, profileName: String?,
    prefill: SetupPrefill = SetupPrefill(), practice: Bool = false, plain: Bool = false
  ) async -> Int32 {
    let plain = wantsPlainLines(environment.variables, asked: plain)
    guard plain || (isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1) else {
      CommandLineTool.printError(
        """
        snowgate: the setup wizard needs a terminal, and standard input or output is not one.
        Run it in a terminal, answer its questions as lines with snowgate setup --plain,
        or set up a connection from a script without one:
          snowgate setup NAME --no-input --instance URL --auth basic --username USER
        with the password in SNOWGATE_PASSWORD (see snowgate setup --help).
        """)
      return 2
    }
    let saved = savedSummaries(environment.store)
    let context = Self.context(environment, practice: practice)
    let terminal: any WizardTerminal
    var restore: () -> Void = {}
    if plain {
      terminal = PlainLineTerminal()
    } else if let screen = NcursesTerminal.open(environment: environment.variables) {
      terminal = screen
      restore = { screen.restore() }
    } else if let reason = NcursesTerminal.unavailableReason {
      CommandLineTool.printError(
        """
        snowgate: the full-screen wizard needs ncursesw, and it could not be loaded:
          \(UntrustedText.visible(reason))
        Install it (Debian and Ubuntu: apt-get install libncursesw6), or answer
        the wizard's questions as lines: snowgate setup --plain.
        """)
      return 2
    } else {
      CommandLineTool.printError(
        """
        snowgate: this terminal cannot show the full-screen wizard (TERM=\(environment.variables["TERM"] ?? "unset")).
        Try TERM=xterm-256color, run it in another terminal, or use snowgate setup --plain.
        """)
      return 2
    }
    let outcome: ExitStatus
    let finalState: WizardState
    let keptDraft: String?
    do {
      defer { restore() }
      let runtime = WizardRuntime(terminal: terminal, environment: environment)
      outcome = await runtime.run(
        start: .start(
          savedProfiles: saved, prefilledInstance: prefilledInstance, profileName: profileName,
          prefill: prefill, context: context))
      finalState = runtime.finalState
      keptDraft = runtime.keptDraftName
    }
    environment.writeLogIfAsked()
    switch outcome {
    case .success:
      if let name = finalState.done?.profileName, let practice = context.practice {
        // Only advice that works once the practice instance is gone.
        if practice.keepsProfiles {
          print("Kept the practice connection '\(name)' in \(environment.store.configURL.path).")
          print(
            "Its instance ran inside snowgate demo and has stopped. Forget it with: snowgate remove \(name)")
        } else {
          print("That was practice: nothing was saved in your configuration.")
        }
        print("Next: snowgate setup (a real instance, the same steps)")
      } else if let name = finalState.done?.profileName {
        print("Saved the connection '\(name)' in \(environment.store.configURL.path).")
        print("Next: snowgate check \(name)")
      }
      return 0
    case .cancelled:
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

  /// Where this run saves, as a person would type it, and which secret variables are set.
  static func context(_ environment: AppEnvironment, practice: Bool) -> WizardContext {
    let variables = environment.variables
    let set = Set(
      ["SNOWGATE_PASSWORD", "SNOWGATE_CLIENT_SECRET", "SNOWGATE_REFRESH_TOKEN", "SNOWGATE_API_KEY"].filter {
        !(variables[$0] ?? "").isEmpty
      })
    var context = WizardContext(
      configPath: typed(environment.store.configURL.path, variables),
      credentialsPath: typed(environment.store.credentialsURL.path, variables), secretVariablesSet: set)
    if practice {
      let real = try? ProfileStore(environment: variables)
      let keeps = real.map {
        $0.directory.standardizedFileURL == environment.store.directory.standardizedFileURL
      }
      context.practice = PracticeRun(
        keepsProfiles: keeps ?? false,
        realConfigPath: real.map { typed($0.configURL.path, variables) } ?? "~/.config/snowgate/config.json",
        realCredentialsPath: real.map { typed($0.credentialsURL.path, variables) }
          ?? "~/.config/snowgate/credentials.json")
    }
    return context
  }

  /// `path` with the home folder as `~`, as a person types it.
  static func typed(_ path: String, _ variables: [String: String]) -> String {
    guard let home = variables["HOME"], !home.isEmpty, home != "/", path.hasPrefix(home + "/") else {
      return path
    }
    return "~" + path.dropFirst(home.count)
  }

  /// The saved connections and half-finished setups for the welcome screen; none when the
  /// file cannot be read (the save step then explains the problem).
  static func savedSummaries(_ store: ProfileStore) -> [WizardCore.ProfileChoice] {
    guard let config = try? store.load() else { return [] }
    let complete = config.profiles.map {
      WizardCore.ProfileChoice(
        name: $0.name, instance: $0.instanceURL.absoluteString,
        authKind: AuthKind(rawValue: $0.authType.rawValue), isComplete: true)
    }
    let drafts = config.drafts.map {
      WizardCore.ProfileChoice(
        name: $0.name, instance: $0.instanceURL.absoluteString,
        authKind: $0.authType.flatMap { AuthKind(rawValue: $0.rawValue) }, isComplete: false)
    }
    return complete + drafts
  }

  /// `setup --from FILE [NAME]`: the template's options; with --no-input the scripted setup,
  /// else a half-finished setup the wizard resumes, so the person only signs in.
  static func runFromTemplate(_ arguments: [String], at index: Int) async -> Int32 {
    guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
      return CommandLineTool.fail(
        UsageError("--from needs the template file (a path or file:// URL).", hint: help))
    }
    let template: ConnectionTemplate
    do {
      template = try ConnectionTemplate.read(arguments[index + 1])
    } catch {
      return CommandLineTool.fail(error)
    }
    var rest = arguments
    rest.removeSubrange(index...(index + 1))
    if template.caBundle != nil, !rest.contains("--ca-bundle"),
      !FileManager.default.isReadableFile(atPath: template.caBundle ?? "")
    {
      CommandLineTool.printError(
        "note: the template trusts the CA bundle \(template.caBundle ?? ""), which is not here; "
          + "give --ca-bundle FILE if the instance needs it.")
    }
    let given = Set(rest.filter { $0.hasPrefix("--") })
    if rest.contains("--no-input") {
      let positionals =
        (try? ParsedArguments.parse(rest, spec: CommandTable.command("setup")!))?.positionals ?? []
      let named = positionals.isEmpty ? [Self.proposedName(template)] : []
      return await ScriptedSetup.run(named + rest + template.arguments(except: given))
    }
    let positionals = rest.filter { !$0.hasPrefix("--") }
    guard positionals.count <= 1, rest.count == positionals.count else {
      return CommandLineTool.fail(
        UsageError("setup --from FILE takes a profile name and nothing else (or --no-input).", hint: help))
    }
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      return CommandLineTool.fail(
        UsageError(
          "setup --from opens the wizard, which needs a terminal; from a script add --no-input "
            + "(and --username USER for password sign-ins)."))
    }
    let name = positionals.first ?? Self.proposedName(template)
    if let problem = ProfileName.problem(with: name) {
      return CommandLineTool.fail(UsageError("\"\(name)\" cannot be a profile name. \(problem)"))
    }
    let environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
      if try environment.store.load().profile(named: name) != nil {
        return CommandLineTool.fail(
          UsageError(
            "a connection named \(name) is saved already; give another name: snowgate setup --from FILE NAME."
          ))
      }
      guard let draft = template.draft(name: name) else {
        return CommandLineTool.fail(UsageError("--from: the template's instance is not an instance address."))
      }
      _ = try environment.store.saveDraft(draft)
    } catch {
      return StoreFailure.report(error)
    }
    return await runWizard(environment: environment, prefilledInstance: nil, profileName: name)
  }

  /// A profile name from the template's host (`dev12345` for dev12345.service-now.com).
  static func proposedName(_ template: ConnectionTemplate) -> String {
    guard case .success(let address) = InstanceURL.normalise(template.instance) else { return "servicenow" }
    let first = address.host.split(separator: ".").first.map(String.init) ?? "servicenow"
    let cleaned = String(first.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(40))
    return cleaned.isEmpty || ProfileName.problem(with: cleaned) != nil ? "servicenow" : cleaned
  }
}
