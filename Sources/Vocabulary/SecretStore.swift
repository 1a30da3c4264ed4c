/// Where a profile's secrets live, chosen on the save screen or with `--store`.
///
/// config.json records only the place, never a secret.
public enum SecretStore: Equatable, Sendable, Codable {
  /// In credentials.json (mode 0600, folder 0700).
  case file
  /// In the OS keyring (Secret Service through `secret-tool`, the macOS keychain through
  /// `security`), the issued tokens too: credentials.json holds nothing for the profile.
  case keyring
  /// An external command that prints the secret, run without a shell (argv as given).
  ///
  /// The command runs once per needed secret. It gets `SNOWGATE_PROFILE` and
  /// `SNOWGATE_SECRET_KIND` (`password`, `client_secret`, `refresh_token`) in its environment,
  /// and the arguments `{profile}` and `{secret}` are replaced by the same values, so one
  /// keyring lookup such as `secret-tool lookup service snowgate profile {profile} kind {secret}`
  /// serves every secret. Tokens the instance issues are cached in credentials.json.
  case command([String])
  /// Only the environment (`SNOWGATE_PASSWORD`, …); nothing is stored, not even tokens.
  case environment
  /// Asked each time (interactive use only); nothing is stored, not even tokens.
  case ask

  private enum CodingKeys: String, CodingKey {
    case kind
    case command
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try container.decode(String.self, forKey: .kind)
    switch kind {
    case "file": self = .file
    case "keyring": self = .keyring
    case "environment": self = .environment
    case "ask": self = .ask
    case "command":
      let argv = try container.decode([String].self, forKey: .command)
      guard let first = argv.first, !first.isEmpty else {
        throw DecodingError.dataCorruptedError(
          forKey: .command, in: container, debugDescription: "the secret command is empty")
      }
      self = .command(argv)
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: container,
        debugDescription:
          "\"\(kind)\" is not a secret store snowgate knows (file, keyring, command, environment, ask)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .file: try container.encode("file", forKey: .kind)
    case .keyring: try container.encode("keyring", forKey: .kind)
    case .environment: try container.encode("environment", forKey: .kind)
    case .ask: try container.encode("ask", forKey: .kind)
    case .command(let argv):
      try container.encode("command", forKey: .kind)
      try container.encode(argv, forKey: .command)
    }
  }

  /// Whether the secrets the user types are written to credentials.json.
  public var keepsSecretsInFile: Bool { self == .file }

  /// Whether tokens issued by the instance are cached in credentials.json.
  ///
  /// Without the cache every `snowgate token` would need a new grant (or a browser sign-in).
  /// Profiles that asked for nothing to be stored get nothing stored.
  public var cachesIssuedTokens: Bool {
    switch self {
    case .file, .command, .keyring: true
    case .environment, .ask: false
    }
  }

  /// A short phrase for screens and listings: "credentials file", "command: pass show x", …
  public var summary: String {
    switch self {
    case .file: "credentials file"
    case .keyring: "OS keyring"
    case .command(let argv): "command: " + argv.joined(separator: " ")
    case .environment: "environment only"
    case .ask: "ask each time"
    }
  }
}
