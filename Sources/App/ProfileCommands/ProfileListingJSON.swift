import Foundation
import Profiles

/// The `snowgate profiles --json` document: a stable object for scripts, never a secret.
///
/// Shape (keys sorted; absent values are `null`, never missing):
/// ```
/// { "version": 1, "configFile": "/…/config.json", "default": "prod" | null,
///   "credentialsProblem": "sentence" | null,
///   "profiles": [ { "name", "instance", "auth" (the --auth word), "authType" (as stored),
///                   "default": bool, "apiVersion", "username", "clientId", "scope",
///                   "secretStore" (words), "accessToken": "valid" | "expired" | "none",
///                   "accessTokenExpiresAt" (ISO 8601 UTC), "hasRefreshToken": bool,
///                   "refreshTokenExpiresAt" } ],
///   "drafts": [ { "name", "instance" } ] }
/// ```
/// `version` is the version of this shape; it changes only when a key changes meaning.
enum ProfileListingJSON {
  static let shapeVersion = 1

  /// The document as pretty-printed UTF-8 text.
  static func render(_ listing: ProfileListing, config: Config, configFile: String, now: Date) -> String {
    let profiles: [[String: Any]] = listing.profiles.map { summary in
      let profile = config.profile(named: summary.name)
      return [
        "name": summary.name,
        "instance": summary.instanceURL.absoluteString,
        "auth": summary.authType.word,
        "authType": summary.authType.rawValue,
        "default": summary.isDefault,
        "apiVersion": nullable(profile?.apiVersion),
        "username": nullable(profile?.username),
        "clientId": nullable(profile?.clientID),
        "scope": nullable(profile?.scope),
        "secretStore": summary.secretStore,
        "accessToken": ExpiryText.state(expiresAt: summary.accessTokenExpiresAt, now: now),
        "accessTokenExpiresAt": nullable(summary.accessTokenExpiresAt.map(iso)),
        "hasRefreshToken": summary.hasRefreshToken,
        "refreshTokenExpiresAt": nullable(summary.refreshTokenExpiresAt.map(iso)),
      ]
    }
    let drafts: [[String: Any]] = listing.drafts.map { name in
      ["name": name, "instance": nullable(config.draft(named: name)?.instanceURL.absoluteString)]
    }
    let document: [String: Any] = [
      "version": shapeVersion,
      "configFile": configFile,
      "default": nullable(listing.profiles.first(where: \.isDefault)?.name),
      "credentialsProblem": nullable(listing.credentialsProblem),
      "profiles": profiles,
      "drafts": drafts,
    ]
    let data =
      (try? JSONSerialization.data(
        withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  private static func nullable(_ value: Any?) -> Any { value ?? NSNull() }

  private static func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
