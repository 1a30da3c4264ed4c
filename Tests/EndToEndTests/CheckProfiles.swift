import Foundation

/// A configuration folder with saved profiles, written the way the profile store writes it.
struct CheckProfiles {
  let directory: URL

  /// One saved profile: a name, an instance, and by default Basic auth as `admin`.
  struct Entry {
    var name: String
    var instance: String
    var secretStore = "environment"
    var authType = "basic"
    var clientID: String?
  }

  /// Writes config.json, and credentials.json (mode 0600) with `stored` secrets per profile
  /// (keys as the store writes them: password, accessToken, accessTokenExpiresAt, …).
  static func make(_ entries: [Entry], defaultProfile: String?, stored: [String: [String: String]] = [:])
    throws -> CheckProfiles
  {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-profiles-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let profiles: [[String: Any]] = entries.map {
      var profile: [String: Any] = [
        "name": $0.name, "instanceURL": $0.instance, "authType": $0.authType, "username": "admin",
        "secretStore": ["kind": $0.secretStore], "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-01T00:00:00Z",
      ]
      if let clientID = $0.clientID { profile["clientID"] = clientID }
      return profile
    }
    var config: [String: Any] = ["version": 1, "profiles": profiles, "drafts": [Any]()]
    if let defaultProfile { config["defaultProfile"] = defaultProfile }
    try JSONSerialization.data(withJSONObject: config).write(
      to: directory.appendingPathComponent("config.json"))
    if !stored.isEmpty {
      let credentials: [String: Any] = ["version": 1, "profiles": stored]
      let url = directory.appendingPathComponent("credentials.json")
      FileManager.default.createFile(
        atPath: url.path, contents: try JSONSerialization.data(withJSONObject: credentials),
        attributes: [.posixPermissions: 0o600])
    }
    return CheckProfiles(directory: directory)
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }
}
