import Platform
import Profiles
import Vocabulary
import WizardCore

/// The checked options of `snowgate setup NAME --no-input …`.
///
/// Everything a script can get wrong is refused here, before any file or network is touched,
/// with a sentence that names the flag and a good value.
@dynamicMemberLookup
struct ScriptedSetupOptions: Equatable {
  /// The profile this setup saves, as the options describe it (read through it: `options.name`).
  var profile: Profile
  /// The instance as it was normalised, for the line that names it.
  var instance: NormalisedInstance
  /// Whether `--store` named the store; without it the keyring is used where one answers.
  var storeChosen = false
  var passwordFromStdin: Bool
  var saveAnyway: Bool
  /// `--timeout SECONDS`: the deadline of each network step, nil for the default.
  var timeout: Double? = nil

  /// The profile's fields as the options' own.
  subscript<Value>(dynamicMember field: WritableKeyPath<Profile, Value>) -> Value {
    get { profile[keyPath: field] }
    set { profile[keyPath: field] = newValue }
  }

  /// Parses and checks the arguments after `setup`.
  static func parse(_ arguments: [String]) throws(UsageError) -> ScriptedSetupOptions {
    let parsed = try ParsedArguments.parse(arguments, spec: CommandTable.command("setup")!)
    guard parsed.positionals.count == 1, let name = parsed.positionals.first else {
      throw UsageError(
        parsed.positionals.isEmpty
          ? "setup --no-input needs the name of the profile to save."
          : "setup takes one profile name; got \(parsed.positionals.count).",
        hint: "For example: snowgate setup prod --no-input --instance dev12345 --auth basic --username admin")
    }
    if let problem = ProfileName.problem(with: name) {
      throw UsageError("\"\(name)\" cannot be a profile name. \(problem)")
    }

    guard let instanceText = parsed.options["--instance"] else {
      throw UsageError("setup --no-input needs --instance, e.g. --instance dev12345.service-now.com.")
    }
    let instance: NormalisedInstance
    switch InstanceURL.normalise(instanceText) {
    case .success(let value): instance = value
    case .failure(let error): throw UsageError("--instance: \(error.message)")
    }

    guard let authText = parsed.options["--auth"] else {
      throw UsageError(
        "setup --no-input needs --auth.", hint: "Choose one of: " + AuthKind.words.joined(separator: ", "))
    }
    guard let authType = AuthKind(word: authText) else {
      throw UsageError(
        "--auth \(authText) is not a sign-in snowgate knows.",
        hint: "Choose one of: " + AuthKind.words.joined(separator: ", "))
    }
    if authType == .oauthAuthorizationCode {
      throw UsageError(
        "--auth authorization-code signs in through a browser, which --no-input cannot do.",
        hint:
          "Run 'snowgate setup \(name)' in a terminal, or use --auth refresh-token with a refresh token "
          + "from such a sign-in (in SNOWGATE_REFRESH_TOKEN).")
    }

    var username = nonEmpty(parsed.options["--username"])
    let clientID = nonEmpty(parsed.options["--client-id"])
    let scope = nonEmpty(parsed.options["--scope"])
    var jwtKeyFile = nonEmpty(parsed.options["--jwt-key"])
    let jwtKeyID = nonEmpty(parsed.options["--jwt-key-id"])
    let jwtSubject = nonEmpty(parsed.options["--jwt-subject"])
    if authType == .jwtBearer {
      if username != nil {
        throw UsageError(
          "--auth jwt-bearer names its user with --jwt-subject, not --username.",
          hint: "For example: --jwt-subject admin (the app's User Field: user_name or email).")
      }
      guard let file = jwtKeyFile, let _ = jwtKeyID, let subject = jwtSubject else {
        throw UsageError(
          "--auth jwt-bearer needs --jwt-key FILE, --jwt-key-id KID and --jwt-subject USER.",
          hint: "FILE is the RSA private key (PEM) whose certificate is in the app's JWT verifier map, "
            + "KID that map entry's Key Id, USER the user the tokens act as.")
      }
      // The profile outlives the directory it was set up in.
      jwtKeyFile = absolute(file)
      username = subject
    } else if jwtKeyFile != nil || jwtKeyID != nil || jwtSubject != nil {
      throw UsageError("--jwt-key, --jwt-key-id and --jwt-subject are for --auth jwt-bearer only.")
    }
    var certificateFile = nonEmpty(parsed.options["--cert"])
    var keyFile = nonEmpty(parsed.options["--key"])
    if authType == .certificate {
      guard let certificate = certificateFile, let key = keyFile else {
        throw UsageError(
          "--auth certificate needs --cert FILE and --key FILE.",
          hint: "The PEM client certificate the instance maps to a user, and its private key; an encrypted "
            + "key's passphrase goes in SNOWGATE_KEY_PASSPHRASE or on stdin with --password-stdin.")
      }
      certificateFile = absolute(certificate)
      keyFile = absolute(key)
    } else if certificateFile != nil || keyFile != nil {
      throw UsageError("--cert and --key are for --auth certificate only.")
    }
    let usesUsername = authType == .basic || authType == .oauthPassword
    if usesUsername, username == nil {
      throw UsageError("--auth \(authText) needs --username.")
    }
    if !usesUsername, authType != .jwtBearer, username != nil {
      throw UsageError(
        "--username is not used by --auth \(authText): the \(authText) grant signs in without a user.")
    }
    if authType.isOAuth, clientID == nil {
      throw UsageError(
        "--auth \(authText) needs --client-id (the Client ID of the instance's OAuth application).")
    }
    if !authType.isOAuth, clientID != nil || scope != nil {
      throw UsageError("--client-id and --scope are for OAuth; --auth \(authText) uses neither.")
    }

    var store = SecretStore.file
    if let storeText = parsed.options["--store"] {
      do {
        store = try SecretStoreFlag.parse(storeText)
      } catch {
        throw UsageError("--store: " + ((error as? LocalizedError)?.errorDescription ?? "\(error)"))
      }
    }
    if store == .ask {
      throw UsageError(
        "--store ask means asking for the secrets each time, which --no-input cannot do.",
        hint:
          "Use --store file, --store env or --store command:'…', or run 'snowgate setup \(name)' in a terminal."
      )
    }

    let passwordFromStdin = parsed.flags.contains("--password-stdin")
    if passwordFromStdin, !usesUsername, authType != .certificate {
      throw UsageError(
        "--password-stdin reads a password, and --auth \(authText) uses none.",
        hint: "Put the secrets in the environment: SNOWGATE_CLIENT_SECRET, SNOWGATE_REFRESH_TOKEN.")
    }

    var apiVersion = instance.apiVersion
    if let version = parsed.options["--api-version"] {
      guard version.count >= 2, version.first == "v", version.dropFirst().allSatisfy(\.isASCII),
        version.dropFirst().allSatisfy(\.isNumber)
      else {
        throw UsageError("--api-version \(version) is not a Table API version; use e.g. --api-version v2.")
      }
      apiVersion = version
    }

    var timeout: Double?
    if let text = parsed.options["--timeout"] {
      guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 600 else {
        throw UsageError(
          "--timeout needs a number of seconds between 0 and 600, not “\(text)”.",
          hint: "For example: snowgate setup \(name) --no-input --timeout 30 …")
      }
      timeout = seconds
    }

    let connection = ConnectionSettings(
      instanceURL: instance.url, apiVersion: apiVersion, clientID: clientID, username: username, scope: scope,
      jwtKeyFile: jwtKeyFile, jwtKeyID: jwtKeyID, clientCertificateFile: certificateFile,
      clientKeyFile: keyFile, caBundle: nonEmpty(parsed.options["--ca-bundle"]).map(absolute))
    return ScriptedSetupOptions(
      profile: Profile(name: name, authType: authType, connection: connection, secretStore: store),
      instance: instance, storeChosen: parsed.options["--store"] != nil, passwordFromStdin: passwordFromStdin,
      saveAnyway: parsed.flags.contains("--save-anyway"), timeout: timeout)
  }

  /// The certificate a `certificate` setup presents, with its key's passphrase; nil for other kinds.
  func clientCertificate(passphrase: Secret?) -> ClientCertificate? {
    profile.clientCertificate(passphrase: passphrase)
  }

  /// `path` made absolute against the current folder: the profile outlives the folder it was set up in.
  private static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
      .standardizedFileURL.path
  }

  private static func nonEmpty(_ text: String?) -> String? {
    guard let text, !PlainString.trimmed(text).isEmpty else { return nil }
    return text
  }
}
