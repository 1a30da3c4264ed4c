import Foundation
import Profiles
import Testing
import Vocabulary

@Suite struct BrokenFileTests {
  static let brokenConfigs: [(String, String)] = [
    ("{ \"version\": 1, \"profiles\": [", "not valid JSON"),
    ("{\"version\": 99, \"profiles\": [], \"drafts\": []}", "version 99"),
    ("{\"profiles\": [], \"drafts\": []}", "no \"version\" field"),
    ("{\"version\": 1, \"profiles\": {}, \"drafts\": []}", "the value at profiles should be a list"),
    (
      "{\"version\": 1, \"drafts\": [], \"profiles\": [{\"name\": 5, \"instanceURL\": \"https://a.b\", "
        + "\"authType\": \"basic\", \"secretStore\": {\"kind\": \"file\"}, "
        + "\"createdAt\": \"2027-01-01T00:00:00Z\", \"updatedAt\": \"2027-01-01T00:00:00Z\"}]}",
      "profiles[0].name should be a string"
    ),
    (
      "{\"version\": 1, \"drafts\": [], \"profiles\": [{\"name\": \"a\", \"instanceURL\": \"https://a.b\", "
        + "\"authType\": \"kerberos\", \"secretStore\": {\"kind\": \"file\"}, "
        + "\"createdAt\": \"2027-01-01T00:00:00Z\", \"updatedAt\": \"2027-01-01T00:00:00Z\"}]}",
      "profiles[0].authType"
    ),
    (
      "{\"version\": 1, \"drafts\": [], \"profiles\": [{\"name\": \"a\", \"instanceURL\": \"https://a.b\", "
        + "\"authType\": \"basic\", \"secretStore\": {\"kind\": \"file\"}, "
        + "\"createdAt\": \"yesterday\", \"updatedAt\": \"2027-01-01T00:00:00Z\"}]}",
      "ISO8601"
    ),
    ("[1, 2]", "not a JSON object"),
    ("", "not valid JSON"),
  ]

  @Test(arguments: brokenConfigs)
  func unreadableConfigIsNamedAndNeverOverwritten(contents: String, problem: String) throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try Data(contents.utf8).write(to: store.configURL)
      do {
        _ = try store.load()
        Issue.record("load should have failed")
      } catch let error as ProfileStoreError {
        guard case .unreadable(let path, let text) = error else {
          Issue.record("unexpected \(error)")
          return
        }
        #expect(path == store.configURL.path)
        #expect(text.contains(problem), "\(text)")
        #expect(error.localizedDescription.contains(store.configURL.path))
      }
      #expect(throws: ProfileStoreError.self) {
        try store.save(profile: Fixtures.profile("new"), secrets: Fixtures.secrets("n"))
      }
      #expect(throws: ProfileStoreError.self) { try store.setDefault(name: nil) }
      #expect(Fixtures.bytes(store.configURL) == Data(contents.utf8))
      #expect(Fixtures.bytes(store.credentialsURL) == nil)
    }
  }

  @Test func unreadableCredentialsAreNeverOverwritten() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("old"), secrets: Fixtures.secrets("old"))
      let config = Fixtures.bytes(store.configURL)
      let broken = Data("{\"version\": 1, \"profiles\": {\"old\": {\"password\": 12}}}".utf8)
      try broken.write(to: store.credentialsURL)
      chmod(store.credentialsURL.path, 0o600)
      #expect(throws: ProfileStoreError.self) {
        try store.save(profile: Fixtures.profile("new"), secrets: Fixtures.secrets("n"))
      }
      #expect(throws: ProfileStoreError.self) {
        _ = try store.secrets(for: Fixtures.profile("old"), environment: [:])
      }
      #expect(Fixtures.bytes(store.credentialsURL) == broken)
      #expect(Fixtures.bytes(store.configURL) == config)
    }
  }

  @Test func movingAsideKeepsTheBrokenFileAndLetsSavingStartAfresh() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let broken = Data("not json at all".utf8)
      try broken.write(to: store.configURL)
      let moved = try store.moveAside(store.configURL)
      #expect(moved.lastPathComponent == "config.json.broken-20270115T080000Z")
      #expect(Fixtures.bytes(moved) == broken)
      try store.save(profile: Fixtures.profile("fresh"), secrets: StoredCredentials())
      #expect(try store.load().profiles.map(\.name) == ["fresh"])

      try broken.write(to: store.configURL)
      let second = try store.moveAside(store.configURL)
      #expect(second.lastPathComponent == "config.json.broken-20270115T080000Z-2")
      #expect(Fixtures.bytes(moved) == broken)
    }
  }

  @Test func credentialsReadableByOthersAreRefusedWithTheFix() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      chmod(store.credentialsURL.path, 0o644)
      let before = Fixtures.bytes(store.credentialsURL)
      #expect(throws: ProfileStoreError.credentialsTooOpen(path: store.credentialsURL.path, mode: 0o644)) {
        _ = try store.secrets(for: Fixtures.profile("prod"), environment: [:])
      }
      do {
        try store.save(profile: Fixtures.profile("other"), secrets: Fixtures.secrets("o"))
        Issue.record("save should refuse an open credentials file")
      } catch {
        #expect(error.localizedDescription.contains("chmod 600 \(store.credentialsURL.path)"))
        #expect(!error.localizedDescription.contains("S3CR3T"))
      }
      #expect(Fixtures.bytes(store.credentialsURL) == before)
      #expect(try Fixtures.mode(store.credentialsURL) == 0o644)
    }
  }
}
