import Foundation
import Profiles
import Testing
import Vocabulary

@Suite struct ProfileOperationsTests {
  @Test(arguments: ["", String(repeating: "a", count: 65), "has space", "slash/name", "ümlaut", ".."])
  func badNamesAreRefused(name: String) throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      var profile = Fixtures.profile("ok")
      profile.name = name
      #expect(throws: ProfileStoreError.self) {
        try store.save(profile: profile, secrets: StoredCredentials())
      }
      #expect(ProfileName.problem(with: name) != nil)
      #expect(try store.load().profiles.isEmpty)
    }
  }

  @Test(arguments: [
    "a", "prod", "dev12345.service-now.com", "my_profile-2", String(repeating: "z", count: 64),
  ])
  func goodNamesAreAccepted(name: String) {
    #expect(ProfileName.problem(with: name) == nil)
  }

  @Test func firstSavedProfileBecomesDefaultAndLaterOnesDoNot() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("one"), secrets: StoredCredentials())
      try store.save(profile: Fixtures.profile("two"), secrets: StoredCredentials())
      #expect(try store.load().defaultProfile == "one")
      try store.setDefault(name: "two")
      #expect(try store.load().defaultProfile == "two")
      #expect(throws: ProfileStoreError.profileNotFound("nope")) { try store.setDefault(name: "nope") }
    }
  }

  @Test func savingAgainKeepsCreatedAtAndReplacesSecrets() throws {
    try withTemporaryFolder { folder throws in
      try Fixtures.store(folder, now: Date(timeIntervalSince1970: 1_700_000_000))
        .save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("old"))
      let store = Fixtures.store(folder)
      var changed = Fixtures.profile("prod")
      changed.username = "someone-else"
      let saved = try store.save(
        profile: changed, secrets: StoredCredentials(password: Secret("S3CR3T-new")))
      #expect(saved.createdAt == Date(timeIntervalSince1970: 1_700_000_000))
      #expect(saved.updatedAt == Fixtures.nowWholeSeconds)
      #expect(try store.load().profiles == [saved])
      #expect(
        try store.storedCredentials(for: "prod") == StoredCredentials(password: Secret("S3CR3T-new")))
    }
  }

  @Test func removingTheDefaultClearsItAndForgetsTheSecrets() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("one"), secrets: Fixtures.secrets("1"))
      try store.save(profile: Fixtures.profile("two"), secrets: Fixtures.secrets("2"))
      try store.remove(name: "one")
      let config = try store.load()
      #expect(config.defaultProfile == nil)
      #expect(config.profiles.map(\.name) == ["two"])
      #expect(try store.storedCredentials(for: "one") == nil)
      #expect(try store.storedCredentials(for: "two") == Fixtures.secrets("2"))
      #expect(throws: ProfileStoreError.profileNotFound("one")) { try store.remove(name: "one") }
    }
  }

  @Test func renameMovesSecretsAndDefaultAndRefusesATakenName() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("old"), secrets: Fixtures.secrets("o"))
      try store.save(profile: Fixtures.profile("other"), secrets: Fixtures.secrets("x"))
      #expect(throws: ProfileStoreError.nameTaken("other")) { try store.rename(from: "old", to: "other") }
      #expect(throws: ProfileStoreError.self) { try store.rename(from: "old", to: "bad name") }
      #expect(throws: ProfileStoreError.profileNotFound("ghost")) { try store.rename(from: "ghost", to: "g") }
      try store.rename(from: "old", to: "new")
      let config = try store.load()
      #expect(config.defaultProfile == "new")
      #expect(config.profiles.map(\.name) == ["new", "other"])
      #expect(try store.storedCredentials(for: "new") == Fixtures.secrets("o"))
      #expect(try store.storedCredentials(for: "old") == nil)
      #expect(try store.storedCredentials(for: "other") == Fixtures.secrets("x"))
    }
  }

  @Test func savingAProfileDropsItsDraftAndDraftsCanBeRemoved() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.saveDraft(SetupDraft(name: "prod", instanceURL: URL(string: "https://prod.service-now.com")!))
      try store.saveDraft(SetupDraft(name: "test", instanceURL: URL(string: "https://test.service-now.com")!))
      try store.save(profile: Fixtures.profile("prod"), secrets: StoredCredentials())
      #expect(try store.load().drafts.map(\.name) == ["test"])
      try store.removeDraft(name: "test")
      #expect(try store.load().drafts.isEmpty)
      #expect(throws: ProfileStoreError.draftNotFound("test")) { try store.removeDraft(name: "test") }
    }
  }

  @Test func onlyTheSecretsTheStoreKeepsAreWritten() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let secrets = Fixtures.secrets("s")
      try store.save(profile: Fixtures.profile("file", store: .file), secrets: secrets)
      try store.save(profile: Fixtures.profile("cmd", store: .command(["true"])), secrets: secrets)
      try store.save(profile: Fixtures.profile("env", store: .environment), secrets: secrets)
      try store.save(profile: Fixtures.profile("ask", store: .ask), secrets: secrets)
      #expect(try store.storedCredentials(for: "file") == secrets)
      let cached = try store.storedCredentials(for: "cmd")
      #expect(cached?.password == nil)
      #expect(cached?.clientSecret == nil)
      #expect(cached?.accessToken == secrets.accessToken)
      #expect(try store.storedCredentials(for: "env") == nil)
      #expect(try store.storedCredentials(for: "ask") == nil)
    }
  }

  @Test func refreshedTokensAreWrittenWithoutTouchingOtherProfiles() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("a"), secrets: Fixtures.secrets("a"))
      try store.save(profile: Fixtures.profile("b"), secrets: Fixtures.secrets("b"))
      let configBefore = try store.load()
      let tokens = TokenSet(
        expiresAt: Date(timeIntervalSince1970: 1_900_000_000.9), obtainedAt: Date(),
        accessToken: Secret("S3CR3T-fresh"))
      #expect(try store.updateTokens(profile: "a", tokens))
      let a = try #require(try store.storedCredentials(for: "a"))
      #expect(a.accessToken == Secret("S3CR3T-fresh"))
      #expect(a.accessTokenExpiresAt == Date(timeIntervalSince1970: 1_900_000_000))
      #expect(a.refreshToken == Fixtures.secrets("a").refreshToken)
      #expect(a.password == Fixtures.secrets("a").password)
      #expect(try store.storedCredentials(for: "b") == Fixtures.secrets("b"))
      #expect(try store.load() == configBefore)

      let rotated = TokenSet(
        expiresAt: nil, obtainedAt: Date(), accessToken: Secret("S3CR3T-2"),
        refreshToken: Secret("S3CR3T-r2"),
        refreshTokenExpiresAt: Date(timeIntervalSince1970: 1_950_000_000))
      try store.updateTokens(profile: "a", rotated)
      #expect(try store.storedCredentials(for: "a")?.refreshToken == Secret("S3CR3T-r2"))

      // The same refresh token handed back keeps its known expiry; a new one without an
      // expiry in the answer has none known.
      let same = TokenSet(
        expiresAt: nil, obtainedAt: Date(), accessToken: Secret("S3CR3T-3"), refreshToken: Secret("S3CR3T-r2")
      )
      try store.updateTokens(profile: "a", same)
      #expect(
        try store.storedCredentials(for: "a")?.refreshTokenExpiresAt
          == Date(timeIntervalSince1970: 1_950_000_000))
      let fresh = TokenSet(
        expiresAt: nil, obtainedAt: Date(), accessToken: Secret("S3CR3T-4"), refreshToken: Secret("S3CR3T-r3")
      )
      try store.updateTokens(profile: "a", fresh)
      #expect(try store.storedCredentials(for: "a")?.refreshTokenExpiresAt == nil)
      #expect(throws: ProfileStoreError.profileNotFound("zz")) {
        try store.updateTokens(profile: "zz", rotated)
      }
    }
  }

  @Test func tokensAreNotKeptForProfilesThatStoreNothing() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("env", store: .environment), secrets: StoredCredentials())
      let written = try store.updateTokens(
        profile: "env", TokenSet(expiresAt: nil, obtainedAt: Date(), accessToken: Secret("S3CR3T-t")))
      #expect(written == false)
      #expect(Fixtures.bytes(store.credentialsURL) == nil)
    }
  }

  @Test func forgettingTokensKeepsThePassword() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("a"), secrets: Fixtures.secrets("a"))
      try store.forgetTokens(profile: "a")
      let secrets = Fixtures.secrets("a")
      #expect(
        try store.storedCredentials(for: "a")
          == StoredCredentials(password: secrets.password, clientSecret: secrets.clientSecret))
    }
  }

  @Test func theFolderComesFromTheEnvironmentInOrder() throws {
    #expect(
      try ProfileStore.directory(environment: [
        "SNOWGATE_CONFIG_DIR": "/x/y", "XDG_CONFIG_HOME": "/c", "HOME": "/h",
      ])
      .path == "/x/y")
    #expect(
      try ProfileStore.directory(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]).path == "/c/snowgate")
    #expect(
      try ProfileStore.directory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]).path
        == "/h/.config/snowgate")
    #expect(try ProfileStore.directory(environment: ["HOME": "/h"]).path == "/h/.config/snowgate")
    #expect(throws: ProfileStoreError.noConfigurationFolder) { try ProfileStore.directory(environment: [:]) }
  }
}
