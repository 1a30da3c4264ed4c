import Platform
import Profiles
import ServiceNowClient
import TextSafety
import Vocabulary

/// The secrets a scripted setup tests with and may store, gathered without argv.
///
/// Sources, first match wins: `--password-stdin` (the password only), the environment
/// (`SNOWGATE_PASSWORD`, `SNOWGATE_CLIENT_SECRET`, `SNOWGATE_REFRESH_TOKEN`), then, for
/// `--store command:…`, the command itself, so the setup proves the command works before
/// anything is saved.
extension StoredCredentials {
  /// Reads stdin when asked, then the environment, then the command; refuses what is missing.
  static func gather(options: ScriptedSetupOptions, environment: [String: String]) async throws
    -> StoredCredentials
  {
    var variables = environment
    if options.passwordFromStdin {
      guard !Confirmation.canAsk else {
        throw UsageError(
          "--password-stdin reads the password from a pipe or a file, and standard input is a terminal, "
            + "where it would show as you type.",
          hint: "Pipe it in (e.g. snowgate setup … --password-stdin < pw.txt) or set SNOWGATE_PASSWORD.")
      }
      let read = BoundedLine.read()
      if case .tooLong = read {
        throw UsageError(BoundedLine.tooLongSentence("The password on standard input"))
      }
      let line = read.text ?? ""
      guard !line.isEmpty else {
        throw UsageError(
          "--password-stdin read no password: standard input was empty.",
          hint: "Pipe the password in, e.g. from a secret file: snowgate setup … --password-stdin < pw.txt")
      }
      let kind: SecretKind = options.authType == .certificate ? .keyPassphrase : .password
      variables[kind.environmentVariable ?? ""] = line
    }
    var secrets = StoredCredentials()
    if case .command = options.secretStore {
      // A store in a folder that does not exist holds nothing, so every secret the environment
      // lacks comes from the command, never from an older profile's stored values.
      let scratch = ProfileStore(
        directory: FileManager.default.temporaryDirectory.appendingPathComponent(
          "snowgate-no-store-\(UUID().uuidString)", isDirectory: true))
      let resolved = try await scratch.resolveSecrets(for: options.profile, environment: variables)
      secrets = resolved.values.userSecretsOnly
    } else {
      func value(_ kind: SecretKind) -> Secret? {
        guard let name = kind.environmentVariable, let text = variables[name], !text.isEmpty else {
          return nil
        }
        return Secret(text)
      }
      let needed = options.authType.userSecretKinds
      for kind in SecretKind.userKinds where needed.contains(kind) { secrets[kind] = value(kind) }
    }
    try secrets.checkComplete(for: options)
    return secrets
  }

  /// Refuses a setup that lacks a secret its sign-in cannot do without.
  func checkComplete(for options: ScriptedSetupOptions) throws {
    let auth = options.authType.word
    let fromCommand: Bool = if case .command = options.secretStore { true } else { false }
    func missing(_ kind: SecretKind, extra: String = "") -> UsageError {
      let variable = kind.environmentVariable ?? ""
      let source = fromCommand ? "neither the environment nor the store's command gave one" : "none was given"
      return UsageError(
        "--auth \(auth) needs the \(kind.displayName), and \(source).",
        hint: "Set \(variable) in the environment\(extra). Secrets are never taken from the command line.")
    }
    switch options.authType {
    case .basic:
      if password == nil { throw missing(.password, extra: ", or pipe it to --password-stdin") }
    case .oauthPassword:
      if clientSecret == nil { throw missing(.clientSecret) }
      if password == nil { throw missing(.password, extra: ", or pipe it to --password-stdin") }
    case .oauthClientCredentials:
      if clientSecret == nil { throw missing(.clientSecret) }
    case .oauthRefreshToken:
      if refreshToken == nil { throw missing(.refreshToken) }
    case .apiKey:
      if apiKey == nil { throw missing(.apiKey) }
    case .oauthAuthorizationCode, .jwtBearer, .certificate:
      // A JWT bearer app may have an empty secret; the instance says so if it wants one. A
      // certificate's key needs a passphrase only when encrypted, which the file check says.
      break
    }
  }

  /// What the store should keep: the user's secrets and the tokens the test obtained.
  ///
  /// The store itself drops what the profile's place for secrets does not allow.
  func stored(tokens: TokenSet?) -> StoredCredentials {
    var kept = self
    kept.accessToken = tokens?.accessToken
    kept.accessTokenExpiresAt = tokens?.expiresAt
    kept.refreshToken = tokens?.refreshToken ?? refreshToken
    return kept
  }
}
