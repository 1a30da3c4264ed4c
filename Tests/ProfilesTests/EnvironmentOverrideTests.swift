import Foundation
import Profiles
import Testing
import Vocabulary

@Suite struct EnvironmentOverrideTests {
  @Test func environmentWinsOverTheFileAndReportsTheShadow() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("prod", authType: .oauthPassword, store: .file)
      try store.save(profile: profile, secrets: Fixtures.secrets("file"))
      let resolved = try store.secrets(
        for: profile,
        environment: ["SNOWGATE_PASSWORD": "S3CR3T-env-pw", "SNOWGATE_REFRESH_TOKEN": "S3CR3T-env-rt"])
      #expect(resolved.values.password == Secret("S3CR3T-env-pw"))
      #expect(resolved.sources[.password] == .environment(variable: "SNOWGATE_PASSWORD"))
      #expect(resolved.values.clientSecret == Fixtures.secrets("file").clientSecret)
      #expect(resolved.sources[.clientSecret] == .credentialsFile)
      #expect(resolved.values.refreshToken == Secret("S3CR3T-env-rt"))
      #expect(resolved.values.refreshTokenExpiresAt == nil)
      #expect(resolved.shadowed == [.password, .refreshToken])
      let notes = resolved.shadowingNotes(store: profile.secretStore)
      #expect(
        notes.first
          == "SNOWGATE_PASSWORD is set, so it is used instead of the password saved in the credentials file.")
      #expect(notes.allSatisfy { !$0.contains("S3CR3T") })
    }
  }

  @Test func anEmptyVariableDoesNotOverride() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("prod", authType: .basic)
      try store.save(profile: profile, secrets: Fixtures.secrets("file"))
      let resolved = try store.secrets(for: profile, environment: ["SNOWGATE_PASSWORD": ""])
      #expect(resolved.values.password == Fixtures.secrets("file").password)
      #expect(resolved.shadowed.isEmpty)
    }
  }

  @Test func environmentWinsOverACommandWithoutRunningIt() throws {
    try withTemporaryFolder { folder throws in
      let marker = folder.appendingPathComponent("ran")
      let script = try Fixtures.script(folder, "cmd", "touch '\(marker.path)'\necho S3CR3T-cmd")
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("p", authType: .basic, store: .command([script]))
      let resolved = try store.secrets(for: profile, environment: ["SNOWGATE_PASSWORD": "S3CR3T-env"])
      #expect(resolved.values.password == Secret("S3CR3T-env"))
      #expect(resolved.shadowed == [.password])
      #expect(!FileManager.default.fileExists(atPath: marker.path))
      #expect(resolved.shadowingNotes(store: profile.secretStore).first?.contains("command") == true)
    }
  }

  @Test func theEnvironmentStoreUsesOnlyTheEnvironmentAndShadowsNothing() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("p", authType: .oauthClientCredentials, store: .environment)
      try store.save(profile: profile, secrets: Fixtures.secrets("ignored"))
      let none = try store.secrets(for: profile, environment: [:])
      #expect(none == ResolvedSecrets())
      let resolved = try store.secrets(for: profile, environment: ["SNOWGATE_CLIENT_SECRET": "S3CR3T-cs"])
      #expect(resolved.values.clientSecret == Secret("S3CR3T-cs"))
      #expect(resolved.shadowed.isEmpty)
    }
  }

  @Test func theAskStoreListsWhatToAskFor() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("p", authType: .oauthPassword, store: .ask)
      let resolved = try store.secrets(for: profile, environment: ["SNOWGATE_CLIENT_SECRET": "S3CR3T-cs"])
      #expect(resolved.mustAsk == [.password])
      #expect(resolved.values.clientSecret == Secret("S3CR3T-cs"))
    }
  }
}
