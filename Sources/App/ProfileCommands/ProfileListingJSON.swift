import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// The `snowgate profiles --json` document: a stable object for scripts, never a secret.
///
/// Shape (keys sorted, snake_case; absent values are `null`, never missing; the README's
/// "JSON output" section is the one place that documents it):
/// ```
/// { "schema_version": 2, "config_file": "/…/config.json", "default": "prod" | null,
///   "credentials_problem": "sentence" | null,
///   "profiles": [ { "name", "instance", "auth" (the --auth word), "default": bool,
///                   "api_version", "username", "client_id", "scope",
///                   "store": "file" | "environment" | "command" | "ask", "store_command",
///                   "access_token": "valid" | "expired" | "none",
///                   "access_token_expires_at" (ISO 8601 UTC), "has_refresh_token": bool,
///                   "refresh_token_expires_at",
///                   "client_certificate": null | { "file", "key_file", "subject", "issuer",
///                                                  "not_after", "problem" } } ],
///   "drafts": [ { "name", "instance" } ] }
/// ```
/// `schema_version` changes only when a key changes meaning (2: snake_case and enum words).
enum ProfileListingJSON {
  static let shapeVersion = 2

  /// The document as pretty-printed UTF-8 text.
  static func render(
    _ listing: ProfileListing, config: Config, configFile: String, now: Date,
    certificates: [String: Result<PresentedCertificate, ServiceNowFailure>] = [:]
  ) -> String {
    let profiles: [JSONValue] = listing.profiles.map { summary in
      let profile = config.profile(named: summary.name)
      var certificate = JSONValue.null
      if let file = profile?.clientCertificateFile {
        var object: [(String, JSONValue)] = [
          ("file", .string(file)), ("key_file", JSONValue(profile?.clientKeyFile)),
        ]
        switch certificates[summary.name] {
        case .success(let read):
          object += [
            ("subject", .string(read.subject)), ("issuer", .string(read.issuer)),
            ("not_after", JSONValue(read.notAfter.map(iso))), ("problem", .null),
          ]
        case .failure(let failure):
          object += [
            ("subject", .null), ("issuer", .null), ("not_after", .null),
            ("problem", .string(failure.detail ?? failure.summary)),
          ]
        case nil:
          break
        }
        certificate = .object(object)
      }
      return .object([
        ("client_certificate", certificate),
        ("name", .string(summary.name)),
        ("instance", .string(summary.instanceURL.absoluteString)),
        ("auth", .string(summary.authType.word)),
        ("default", .bool(summary.isDefault)),
        ("api_version", JSONValue(profile?.apiVersion)),
        ("username", JSONValue(profile?.username)),
        ("client_id", JSONValue(profile?.clientID)),
        ("scope", JSONValue(profile?.scope)),
        ("store", JSONValue(profile.map { storeWord($0.secretStore) })),
        ("store_command", JSONValue(profile.flatMap { storeCommand($0.secretStore) })),
        ("access_token", .string(ExpiryText.state(expiresAt: summary.accessTokenExpiresAt, now: now))),
        ("access_token_expires_at", JSONValue(summary.accessTokenExpiresAt.map(iso))),
        ("has_refresh_token", .bool(summary.hasRefreshToken)),
        ("refresh_token_expires_at", JSONValue(summary.refreshTokenExpiresAt.map(iso))),
      ])
    }
    let drafts: [JSONValue] = listing.drafts.map { name in
      .object([
        ("name", .string(name)),
        ("instance", JSONValue(config.draft(named: name)?.instanceURL.absoluteString)),
      ])
    }
    let document: JSONValue = .object([
      ("schema_version", .number(shapeVersion)),
      ("config_file", .string(configFile)),
      ("default", JSONValue(listing.profiles.first(where: \.isDefault)?.name)),
      ("credentials_problem", JSONValue(listing.credentialsProblem)),
      ("profiles", .array(profiles)),
      ("drafts", .array(drafts)),
    ])
    return document.serialized(sortedKeys: true, pretty: true, escapingSlashes: false)
  }

  /// The store as an enum word, as config.json names its kind (never the prose of the table).
  static func storeWord(_ store: SecretStore) -> String {
    switch store {
    case .file: "file"
    case .keyring: "keyring"
    case .environment: "environment"
    case .command: "command"
    case .ask: "ask"
    }
  }

  /// The secret command of a `command` store, as one line; nil for the others.
  static func storeCommand(_ store: SecretStore) -> String? {
    guard case .command(let argv) = store else { return nil }
    return argv.joined(separator: " ")
  }

  private static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
