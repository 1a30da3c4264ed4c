import Platform
import Vocabulary

/// What `snowgate check` was asked to do, read from its arguments and checked for sense.
///
/// Secrets never come from here: ParsedArguments refuses secret options, and the password
/// arrives from the environment or `--password-stdin`.
struct CheckRequest: Equatable {
  /// The saved profile to check, nil for the default one.
  var profile: String?
  var all = false
  var json = false
  var verbose = false
  var refresh = false
  var passwordFromStdin = false
  var help = false
  /// Seconds each network step may take.
  var timeout: Double = 10
  var bundle: String?
  /// `--ca-bundle FILE`: the CA certificates to trust as well as the system store.
  var caBundle: String?
  /// `--instance URL`: check without a saved profile.
  var instance: String?
  var auth = AuthKind.basic
  var username: String?
  var clientID: String?
  /// `--cert FILE` and `--key FILE` with `--instance --auth certificate`, made absolute.
  var certificateFile: String?
  var keyFile: String?
  /// `--instance-setup`: check the profile's OAuth record on the instance (issue 14).
  var instanceSetup = false
  /// `--for agent-transfer`: check what live-agent transfer needs on the instance.
  var purpose: String?
  /// `--admin PROFILE`: the profile the setup checks read (and --fix writes) as.
  var admin: String?
  var webhook: String?
  var group: String?
  var member: String?
  /// `--fix`: make the Table API changes the setup check found (after a yes).
  var fix = false
  /// `--yes`: answer the --fix question yes (for scripts).
  var yes = false

  static func parse(_ arguments: [String]) throws(UsageError) -> CheckRequest {
    let parsed = try ParsedArguments.parse(arguments, spec: CommandTable.command("check")!)
    var request = CheckRequest()
    request.help = parsed.flags.contains("--help")
    if request.help { return request }
    let more = "Run 'snowgate check --help' for the options."
    guard parsed.positionals.count <= 1 else {
      throw UsageError("check takes one profile name at most.", hint: more)
    }
    request.profile = parsed.positionals.first
    request.all = parsed.flags.contains("--all")
    request.json = parsed.flags.contains("--json")
    request.verbose = parsed.flags.contains("--verbose")
    request.refresh = parsed.flags.contains("--refresh")
    request.passwordFromStdin = parsed.flags.contains("--password-stdin")
    request.bundle = parsed.options["--bundle"]
    request.caBundle = parsed.options["--ca-bundle"]
    request.instance = parsed.options["--instance"]
    request.username = parsed.options["--username"]
    request.clientID = parsed.options["--client-id"]
    request.certificateFile = parsed.options["--cert"].map(Self.absolute)
    request.keyFile = parsed.options["--key"].map(Self.absolute)
    if let text = parsed.options["--timeout"] {
      guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 600 else {
        throw UsageError(
          "--timeout needs a number of seconds between 0 and 600, not “\(text)”.",
          hint: "For example: snowgate check --timeout 30")
      }
      request.timeout = seconds
    }
    if let word = parsed.options["--auth"] {
      guard let auth = AuthKind(word: word), CheckCredentials.commandKinds.contains(auth) else {
        let words = CheckCredentials.commandKinds.map(\.word).joined(separator: ", ")
        throw UsageError("--auth must be one of \(words), not “\(word)”.")
      }
      request.auth = auth
    }
    if request.all && request.profile != nil {
      throw UsageError("give a profile name or --all, not both.", hint: more)
    }
    if request.all && request.bundle != nil {
      throw UsageError("--bundle describes one connection; name one instead of --all.", hint: more)
    }
    if request.bundle?.isEmpty == true {
      throw UsageError("--bundle needs a file name.")
    }
    try request.checkInstanceOptions(parsed, more: more)
    try request.readSetupOptions(parsed, more: more)
    return request
  }

  /// `--instance` excludes a profile, and the options that only make sense with it need it.
  private func checkInstanceOptions(_ parsed: ParsedArguments, more: String) throws(UsageError) {
    let instanceOnly = ["--auth", "--username", "--client-id", "--cert", "--key"].filter {
      parsed.options[$0] != nil
    }
    guard instance != nil else {
      if let first = instanceOnly.first {
        throw UsageError(
          "\(first) goes with --instance URL; a saved profile brings its own.", hint: more)
      }
      return
    }
    if profile != nil || all {
      throw UsageError(
        "--instance checks one instance without a profile; leave out the profile name and --all.")
    }
    if auth == .basic || auth == .oauthPassword, (username ?? "").isEmpty {
      throw UsageError(
        "--auth \(auth.word) needs --username USER.",
        hint:
          "For example: snowgate check --instance \(instance ?? "URL") --auth \(auth.word) --username admin")
    }
    if auth.isOAuth, (clientID ?? "").isEmpty {
      throw UsageError("--auth \(auth.word) needs --client-id ID (the OAuth application's client ID).")
    }
    if auth == .certificate, certificateFile == nil || keyFile == nil {
      throw UsageError(
        "--auth certificate needs --cert FILE and --key FILE.",
        hint:
          "For example: snowgate check --instance \(instance ?? "URL") --auth certificate --cert me.pem --key me.key"
      )
    }
    if auth != .certificate, certificateFile != nil || keyFile != nil {
      throw UsageError("--cert and --key are for --auth certificate only.")
    }
  }

  /// `path` made absolute against the current folder, as setup saves it.
  static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
      .standardizedFileURL.path
  }

  /// The instance-setup options (issue 14): they need a saved profile and go together.
  private mutating func readSetupOptions(_ parsed: ParsedArguments, more: String) throws(UsageError) {
    instanceSetup = parsed.flags.contains("--instance-setup")
    purpose = parsed.options["--for"]
    admin = parsed.options["--admin"]
    webhook = parsed.options["--webhook"]
    group = parsed.options["--group"]
    member = parsed.options["--member"]
    fix = parsed.flags.contains("--fix")
    yes = parsed.flags.contains("--yes")
    if let purpose, purpose != "agent-transfer" {
      throw UsageError("--for knows agent-transfer only, not “\(purpose)”.", hint: more)
    }
    let setup = instanceSetup || purpose != nil
    if instanceSetup && purpose != nil {
      throw UsageError("give --instance-setup or --for agent-transfer, one at a time.", hint: more)
    }
    if setup && (all || instance != nil) {
      throw UsageError(
        "the setup checks read one saved profile's instance: name it, without --all or --instance.")
    }
    if setup && bundle != nil {
      throw UsageError("--bundle goes with the connection check, not the setup checks.")
    }
    if !setup, let option = ["--admin"].first(where: { parsed.options[$0] != nil }) {
      throw UsageError("\(option) goes with --instance-setup or --for agent-transfer.", hint: more)
    }
    if purpose == nil,
      let option = ["--webhook", "--group", "--member"].first(where: { parsed.options[$0] != nil })
        ?? ["--fix", "--yes"].first(where: parsed.flags.contains)
    {
      throw UsageError("\(option) goes with --for agent-transfer.", hint: more)
    }
    if yes && !fix {
      throw UsageError("--yes answers the --fix question; give --fix too.", hint: more)
    }
    if let webhook {
      guard webhook.count <= 2000, let url = URL(string: webhook),
        ["https", "http"].contains(url.scheme ?? ""),
        url.host?.isEmpty == false
      else {
        throw UsageError("--webhook needs the bot's webhook URL (https://…), not “\(webhook.prefix(200))”.")
      }
    }
  }
}
