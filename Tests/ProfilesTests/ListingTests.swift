import Foundation
import Profiles
import Testing
import Vocabulary

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ListingTests {
  @Test func listingShowsDefaultStoreAndExpiryButNoSecret() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      try store.save(
        profile: Fixtures.profile("dev", store: .command(["pass", "show", "dev"])),
        secrets: StoredCredentials())
      try store.saveDraft(SetupDraft(name: "half", instanceURL: URL(string: "https://half.service-now.com")!))
      let listing = try store.listing()
      #expect(listing.drafts == ["half"])
      #expect(listing.credentialsProblem == nil)
      #expect(
        listing.profiles == [
          ProfileSummary(
            name: "dev", instanceURL: URL(string: "https://dev.service-now.com")!, authType: .oauthPassword,
            isDefault: false, secretStore: "command: pass show dev"),
          ProfileSummary(
            name: "prod", instanceURL: URL(string: "https://prod.service-now.com")!, authType: .oauthPassword,
            isDefault: true, secretStore: "credentials file",
            accessTokenExpiresAt: Fixtures.secrets("p").accessTokenExpiresAt,
            refreshTokenExpiresAt: Fixtures.secrets("p").refreshTokenExpiresAt, hasRefreshToken: true),
        ])
      let json = String(decoding: try JSONEncoder().encode(listing.profiles), as: UTF8.self)
      #expect(!json.contains("S3CR3T"))
    }
  }

  @Test func listingStillWorksWhenTheCredentialsFileIsTooOpen() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      chmod(store.credentialsURL.path, 0o640)
      let listing = try store.listing()
      #expect(listing.profiles.map(\.name) == ["prod"])
      #expect(listing.profiles.first?.accessTokenExpiresAt == nil)
      #expect(listing.credentialsProblem?.contains("chmod 600") == true)
    }
  }

  @Test func secretsCanBeResolvedFromATaskWithoutBlockingThePool() async throws {
    try await withTemporaryFolder { folder async throws in
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("prod", authType: .basic)
      try store.save(profile: profile, secrets: Fixtures.secrets("p"))
      let resolved = try await store.resolveSecrets(for: profile, environment: [:])
      #expect(resolved.values.password == Fixtures.secrets("p").password)
    }
  }
}
