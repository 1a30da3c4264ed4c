import Vocabulary

/// The contents of credentials.json: the secrets of every profile that keeps them in the file.
struct CredentialsFile: Codable, Equatable, Sendable {
  var version: Int = Config.currentVersion
  var profiles: [String: StoredCredentials] = [:]
}
