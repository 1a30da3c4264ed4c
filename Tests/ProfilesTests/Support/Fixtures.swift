import Foundation
import Profiles
import Vocabulary

#if canImport(Glibc)
  import Glibc
#endif

/// Sample values shared by the tests.
enum Fixtures {
  /// A fixed clock: 2027-01-15T08:00:00Z plus a fraction the store must drop.
  static let now = Date(timeIntervalSince1970: 1_800_000_000.75)
  static let nowWholeSeconds = Date(timeIntervalSince1970: 1_800_000_000)

  static func store(_ folder: URL, now: Date = Fixtures.now, timeout: TimeInterval = 30) -> ProfileStore {
    ProfileStore(directory: folder, secretCommandTimeout: timeout, now: { now })
  }

  static func profile(
    _ name: String, authType: AuthKind = .oauthPassword, store: SecretStore = .file
  ) -> Profile {
    Profile(
      name: name, instanceURL: URL(string: "https://\(name).service-now.com")!, apiVersion: "v2",
      authType: authType, clientID: "client-\(name)", username: "admin", scope: "useraccount",
      redirectURI: "http://127.0.0.1:8765/callback", secretStore: store)
  }

  static func secrets(_ tag: String) -> StoredCredentials {
    StoredCredentials(
      password: Secret("S3CR3T-password-\(tag)"), clientSecret: Secret("S3CR3T-client-\(tag)"),
      accessToken: Secret("S3CR3T-access-\(tag)"),
      accessTokenExpiresAt: Date(timeIntervalSince1970: 1_800_001_800),
      refreshToken: Secret("S3CR3T-refresh-\(tag)"),
      refreshTokenExpiresAt: Date(timeIntervalSince1970: 1_808_640_000))
  }

  /// Writes an executable shell script and returns its path.
  static func script(_ folder: URL, _ name: String, _ body: String) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
    return path
  }

  /// The bytes of a file, or nil when it is missing.
  static func bytes(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

  /// The permission bits of a file.
  static func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }
}
