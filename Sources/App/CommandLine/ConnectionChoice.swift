import Platform
import Profiles
import Vocabulary

/// Which connection a command that takes a profile uses, by the documented precedence:
/// a NAME or `--profile`, then `SNOWGATE_PROFILE`, then `SNOWGATE_INSTANCE` (a connection from
/// the environment alone, for CI), then the default profile.
enum ConnectionChoice: Equatable {
  /// A saved profile by name; nil for the default one.
  case saved(String?)
  /// A connection made of `SNOWGATE_INSTANCE`, `SNOWGATE_AUTH`, `SNOWGATE_USERNAME`,
  /// `SNOWGATE_CLIENT_ID`; its secrets come from the secret variables.
  case environment(Profile)

  /// The name the environment connection goes by in messages.
  static let environmentName = "environment"

  /// The choice for `named` (the NAME positional, `--profile` folded in) and these variables.
  static func resolve(named: String?, variables: [String: String]) -> Result<ConnectionChoice, UsageError> {
    if let named { return .success(.saved(named)) }
    if let profile = variables["SNOWGATE_PROFILE"], !profile.isEmpty {
      return .success(.saved(profile))
    }
    guard let instance = variables["SNOWGATE_INSTANCE"], !instance.isEmpty else {
      return .success(.saved(nil))
    }
    return environmentProfile(instance: instance, variables: variables).map { .environment($0) }
  }

  /// The profile the `SNOWGATE_*` connection variables describe, checked as `--instance` is.
  static func environmentProfile(instance: String, variables: [String: String]) -> Result<Profile, UsageError>
  {
    let normalised: NormalisedInstance
    switch InstanceURL.normalise(instance) {
    case .success(let value): normalised = value
    case .failure(let error): return .failure(UsageError("SNOWGATE_INSTANCE: \(error.message)"))
    }
    let word = variables["SNOWGATE_AUTH"].flatMap { $0.isEmpty ? nil : $0 } ?? "basic"
    // A certificate needs its two files, which no variable names: it takes --cert and --key.
    let kinds = CommandTable.checkKinds.filter { $0 != AuthKind.certificate.word }
    guard let auth = AuthKind(word: word), kinds.contains(auth.word) else {
      return .failure(
        UsageError("SNOWGATE_AUTH must be one of \(kinds.joined(separator: ", ")), not “\(word.prefix(40))”.")
      )
    }
    let username = variables["SNOWGATE_USERNAME"].flatMap { $0.isEmpty ? nil : String($0.prefix(256)) }
    let clientID = variables["SNOWGATE_CLIENT_ID"].flatMap { $0.isEmpty ? nil : String($0.prefix(256)) }
    if auth == .basic || auth == .oauthPassword, username == nil {
      return .failure(UsageError("SNOWGATE_AUTH=\(auth.word) needs SNOWGATE_USERNAME."))
    }
    if auth.isOAuth, clientID == nil {
      return .failure(UsageError("SNOWGATE_AUTH=\(auth.word) needs SNOWGATE_CLIENT_ID."))
    }
    return .success(
      Profile(
        name: environmentName, instanceURL: normalised.url, apiVersion: normalised.apiVersion, authType: auth,
        clientID: clientID, username: username, secretStore: .environment))
  }

  /// The line that says the environment chose the connection (as check says a variable
  /// shadows a saved secret), for stderr.
  static func announcement(_ profile: Profile) -> String {
    let who = profile.username.map { " as \($0)" } ?? profile.clientID.map { " with client \($0)" } ?? ""
    return "snowgate: using the connection in SNOWGATE_INSTANCE (\(profile.instanceURL.absoluteString), "
      + "\(profile.authType.word)\(who)); a NAME, --profile or SNOWGATE_PROFILE would choose a saved profile."
  }
}
