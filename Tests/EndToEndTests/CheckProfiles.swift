import Foundation

/// A configuration folder with saved profiles, written the way the profile store writes it.
struct CheckProfiles {
  let directory: URL

  /// One saved profile: a name, an instance, Basic auth as `admin`.
  struct Entry {
    var name: String
    var instance: String
    var secretStore = "environment"
  }

  /// Writes config.json (and credentials.json for file-store passwords, mode 0600).
  static func make(_ entries: [Entry], defaultProfile: String?, storedPasswords: [String: String] = [:])
    throws -> CheckProfiles
  {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-profiles-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let profiles: [[String: Any]] = entries.map {
      [
        "name": $0.name, "instanceURL": $0.instance, "authType": "basic", "username": "admin",
        "secretStore": ["kind": $0.secretStore], "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-01T00:00:00Z",
      ]
    }
    var config: [String: Any] = ["version": 1, "profiles": profiles, "drafts": [Any]()]
    if let defaultProfile { config["defaultProfile"] = defaultProfile }
    try JSONSerialization.data(withJSONObject: config).write(
      to: directory.appendingPathComponent("config.json"))
    if !storedPasswords.isEmpty {
      let credentials: [String: Any] = [
        "version": 1, "profiles": storedPasswords.mapValues { ["password": $0] },
      ]
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
