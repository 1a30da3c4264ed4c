import Foundation
import Profiles
import Testing
import Vocabulary

@Suite struct RoundTripTests {
  /// config.json as snowgate wrote it before profiles and drafts shared `ConnectionSettings`:
  /// one flat object each. The shared description must read it and write it back unchanged.
  static let flatConfig = """
    {
      "defaultProfile" : "prod",
      "drafts" : [
        {
          "apiVersion" : "v2",
          "authType" : "oauthPassword",
          "clientID" : "half-client",
          "instanceURL" : "https://half.service-now.com",
          "name" : "half",
          "scope" : "useraccount",
          "secretStore" : {
            "kind" : "keyring"
          },
          "step" : "token",
          "updatedAt" : "2026-11-30T10:00:00Z",
          "username" : "integration.user"
        }
      ],
      "profiles" : [
        {
          "authType" : "jwtBearer",
          "caBundle" : "/etc/ssl/corp.pem",
          "clientID" : "jwt-client",
          "createdAt" : "2026-11-01T09:00:00Z",
          "instanceURL" : "https://prod.service-now.com",
          "jwtKeyFile" : "/home/me/jwt.pem",
          "jwtKeyID" : "kid-1",
          "name" : "prod",
          "redirectURI" : "http://127.0.0.1:8484/callback",
          "secretStore" : {
            "kind" : "file"
          },
          "signedOutAt" : "2026-11-29T08:00:00Z",
          "updatedAt" : "2026-11-02T09:00:00Z",
          "username" : "svc.jwt"
        }
      ],
      "version" : 1
    }
    """

  @Test func theFlatConfigOfEarlierReleasesReadsAndWritesBackUnchanged() throws {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let config = try decoder.decode(Config.self, from: Data(Self.flatConfig.utf8))
    let profile = try #require(config.profiles.first)
    #expect(profile.connection.jwtKeyID == "kid-1")
    #expect(profile.instanceURL.host == "prod.service-now.com")
    #expect(profile.caBundle == "/etc/ssl/corp.pem")
    let draft = try #require(config.drafts.first)
    #expect(draft.clientID == "half-client")
    #expect(draft.secretStore == .keyring)
    #expect(draft.step == "token")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    #expect(String(decoding: try encoder.encode(config), as: UTF8.self) == Self.flatConfig)
  }

  @Test func everyProfileFieldSurvivesSaveAndLoad() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let stores: [SecretStore] = [.file, .command(["pass", "show", "servicenow/prod"]), .environment, .ask]
      var expected: [Profile] = []
      for (index, authType) in AuthKind.allCases.enumerated() {
        var profile = Fixtures.profile("p\(index)-\(authType.rawValue)", authType: authType)
        profile.secretStore = stores[index % stores.count]
        let saved = try store.save(profile: profile, secrets: Fixtures.secrets("\(index)"))
        profile.createdAt = Fixtures.nowWholeSeconds
        profile.updatedAt = Fixtures.nowWholeSeconds
        #expect(saved == profile)
        expected.append(profile)
      }
      var bare = Profile(
        name: "bare", instanceURL: URL(string: "http://127.0.0.1:8443")!, authType: .basic)
      try store.save(profile: bare, secrets: StoredCredentials())
      bare.createdAt = Fixtures.nowWholeSeconds
      bare.updatedAt = Fixtures.nowWholeSeconds
      expected.append(bare)

      let config = try store.load()
      #expect(config.version == 1)
      #expect(config.profiles == expected.sorted { $0.name < $1.name })
      #expect(config.defaultProfile == expected[0].name)
    }
  }

  @Test func everyCredentialFieldSurvivesSaveAndLoad() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let secrets = Fixtures.secrets("all")
      try store.save(profile: Fixtures.profile("prod"), secrets: secrets)
      #expect(try store.storedCredentials(for: "prod") == secrets)
      let resolved = try store.secrets(for: Fixtures.profile("prod"), environment: [:])
      #expect(resolved.values.password == secrets.password)
      #expect(resolved.values.clientSecret == secrets.clientSecret)
      #expect(resolved.values.accessToken == secrets.accessToken)
      #expect(resolved.values.accessTokenExpiresAt == secrets.accessTokenExpiresAt)
      #expect(resolved.values.refreshToken == secrets.refreshToken)
      #expect(resolved.values.refreshTokenExpiresAt == secrets.refreshTokenExpiresAt)
      #expect(resolved.shadowed.isEmpty)
    }
  }

  @Test func draftsSurviveSaveAndLoad() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let full = SetupDraft(
        name: "half", instanceURL: URL(string: "https://half.service-now.com")!, apiVersion: "v1",
        authType: .oauthAuthorizationCode, clientID: "cid", username: "u", scope: "s",
        redirectURI: "http://127.0.0.1:9/cb", secretStore: .command(["secret-tool", "lookup"]))
      let minimal = SetupDraft(name: "min", instanceURL: URL(string: "https://min.service-now.com")!)
      try store.saveDraft(full)
      try store.saveDraft(minimal)
      var expected = [full, minimal]
      for index in expected.indices { expected[index].updatedAt = Fixtures.nowWholeSeconds }
      #expect(try store.load().drafts == expected)
    }
  }

  @Test func filesArePrettySortedVersionedAndPrivate() throws {
    try withTemporaryFolder { parent in
      let folder = parent.appendingPathComponent("nested/snowgate")
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("x"))
      let config = String(decoding: Fixtures.bytes(store.configURL)!, as: UTF8.self)
      #expect(config.hasPrefix("{\n  \"defaultProfile\" : \"prod\",\n"))
      #expect(config.contains("\"version\" : 1"))
      #expect(!config.contains("S3CR3T"))
      let credentials = String(decoding: Fixtures.bytes(store.credentialsURL)!, as: UTF8.self)
      #expect(credentials.contains("\"version\" : 1"))
      #expect(credentials.contains("S3CR3T-password-x"))
      #expect(try Fixtures.mode(store.credentialsURL) == 0o600)
      #expect(try Fixtures.mode(folder) == 0o700)
    }
  }

  @Test func missingFilesLoadAsAnEmptyConfiguration() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder.appendingPathComponent("not-yet"))
      #expect(try store.load() == Config())
      #expect(try store.storedCredentials(for: "any") == nil)
    }
  }
}
