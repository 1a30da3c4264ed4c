import Foundation
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
    let profiles: [[String: Any]] = listing.profiles.map { summary in
      let profile = config.profile(named: summary.name)
      var certificate: Any = NSNull()
      if let file = profile?.clientCertificateFile {
        var object: [String: Any] = ["file": file, "key_file": nullable(profile?.clientKeyFile)]
        switch certificates[summary.name] {
        case .success(let read):
          object["subject"] = read.subject
          object["issuer"] = read.issuer
          object["not_after"] = nullable(read.notAfter.map(iso))
          object["problem"] = NSNull()
        case .failure(let failure):
          object["subject"] = NSNull()
          object["issuer"] = NSNull()
          object["not_after"] = NSNull()
          object["problem"] = failure.detail ?? failure.summary
        case nil:
          break
        }
        certificate = object
      }
      return [
        "client_certificate": certificate,
        "name": summary.name,
        "instance": summary.instanceURL.absoluteString,
        "auth": summary.authType.word,
        "default": summary.isDefault,
        "api_version": nullable(profile?.apiVersion),
        "username": nullable(profile?.username),
        "client_id": nullable(profile?.clientID),
        "scope": nullable(profile?.scope),
        "store": nullable(profile.map { storeWord($0.secretStore) }),
        "store_command": nullable(profile.flatMap { storeCommand($0.secretStore) }),
        "access_token": ExpiryText.state(expiresAt: summary.accessTokenExpiresAt, now: now),
        "access_token_expires_at": nullable(summary.accessTokenExpiresAt.map(iso)),
        "has_refresh_token": summary.hasRefreshToken,
        "refresh_token_expires_at": nullable(summary.refreshTokenExpiresAt.map(iso)),
      ]
    }
    let drafts: [[String: Any]] = listing.drafts.map { name in
      ["name": name, "instance": nullable(config.draft(named: name)?.instanceURL.absoluteString)]
    }
    let document: [String: Any] = [
      "schema_version": shapeVersion,
      "config_file": configFile,
      "default": nullable(listing.profiles.first(where: \.isDefault)?.name),
      "credentials_problem": nullable(listing.credentialsProblem),
      "profiles": profiles,
      "drafts": drafts,
    ]
    let data =
      (try? JSONSerialization.data(
        withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  private static func nullable(_ value: Any?) -> Any { value ?? NSNull() }

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

  private static func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
