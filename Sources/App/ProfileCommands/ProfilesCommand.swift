import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// `snowgate profiles [--json]`: the saved connections, the default, token expiry, never a secret.
enum ProfilesCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("profiles") }

  static func run(_ arguments: [String], now: Date = Date()) -> Int32 {
    if arguments.first == "export" { return ProfileExportCommand.run(Array(arguments.dropFirst())) }
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "profiles") {
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
    if parsed.flags.contains("--names") {
      config.profiles.forEach { print($0.name) }
    } else if parsed.flags.contains("--json") {
      print(
        ProfileListingJSON.render(
          listing, config: config, configFile: store.configURL.path, now: now,
          certificates: certificates(config)))
    } else {
      print(
        ProfileTable.render(listing, drafts: config.drafts, now: now, certificates: certificates(config)))
    }
    if let problem = listing.credentialsProblem {
      CommandLineTool.printError("snowgate: token expiry is not shown: \(problem)")
    }
    return 0
  }

  /// What `openssl x509` reads from each certificate profile's certificate (subject, issuer,
  /// validity), or why it cannot; only certificate profiles pay for running openssl.
  static func certificates(_ config: Config) -> [String: Result<PresentedCertificate, ServiceNowFailure>] {
    var found: [String: Result<PresentedCertificate, ServiceNowFailure>] = [:]
    for profile in config.profiles where profile.authType == .certificate {
      guard let file = profile.clientCertificateFile else { continue }
      found[profile.name] = ClientCertificateCheck.readNow(file)
    }
    return found
  }
}
