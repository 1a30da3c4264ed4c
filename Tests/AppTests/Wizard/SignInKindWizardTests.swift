import Foundation
import Profiles
import Simulator
import TestSupport
import Testing
import Vocabulary
import WizardCore

@testable import App

/// The API key and the JWT bearer grant walked through the whole wizard in process: the real
/// reducer, runtime, effects (openssl signs the assertion) and client against the simulated
/// instance on loopback, to a profile saved in a temporary folder; no frame shows a secret.
@MainActor
@Suite(.serialized) struct SignInKindWizardTests {
  static let apiKey = "S3CR3T-wizard-apikey-SENTINEL"
  static let keyID = "kid-wizard"

  /// A folder with a fresh RSA key pair, removed by the caller.
  static func keyFolder() throws -> (URL, TestKeyPair) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-wizard-keys-\(UUID().uuidString)")
    return (folder, try TestKeyPair.make(in: folder, name: "signing"))
  }

  @Test func aSetAPIKeyVariableIsToldToTheSaveScreen() async throws {
    let bed = try TokenTestBed()
    let environment = AppEnvironment(
      variables: ["SNOWGATE_API_KEY": "S3CR3T-shadow", "SNOWGATE_PASSWORD": ""], store: bed.store,
      log: bed.log,
      deadline: .seconds(5))
    let context = SetupCommand.context(environment, practice: false)
    #expect(context.secretVariablesSet == ["SNOWGATE_API_KEY"])
  }

  @Test func editingASavedAPIKeyOrJWTProfileFillsItsFields() async throws {
    let bed = try TokenTestBed()
    let environment = AppEnvironment(variables: [:], store: bed.store, log: bed.log, deadline: .seconds(5))
    try bed.store.save(
      profile: Profile(name: "key", instanceURL: bed.server.baseURL, authType: .apiKey),
      secrets: StoredCredentials(apiKey: Secret(Self.apiKey)))
    try bed.store.save(
      profile: Profile(
        name: "jwt", instanceURL: bed.server.baseURL, authType: .jwtBearer, clientID: "snowgate-demo",
        username: "admin", jwtKeyFile: "/keys/signing.pem", jwtKeyID: Self.keyID),
      secrets: StoredCredentials(clientSecret: Secret(TokenTestBed.clientSecret)))

    guard case .profileLoaded(let key) = await EffectPerformer.load("key", environment: environment) else {
      Issue.record("the API key profile did not load")
      return
    }
    #expect(key.secrets.apiKey?.reveal() == Self.apiKey)
    var state = WizardState(screen: .pickProfile)
    state.activity = Activity(kind: .loadProfile)
    _ = reduce(&state, .profileLoaded(key))
    #expect(state.credentials.apiKey.secret.reveal() == Self.apiKey)
    #expect(state.credentials.focus == .apiKey)
    #expect(state.save.isFileAgreed, "editing a file profile asks again")

    guard case .profileLoaded(let jwt) = await EffectPerformer.load("jwt", environment: environment) else {
      Issue.record("the JWT profile did not load")
      return
    }
    #expect(jwt.jwtKeyFile == "/keys/signing.pem" && jwt.jwtKeyID == Self.keyID && jwt.username == "admin")
    state = WizardState(screen: .pickProfile)
    state.activity = Activity(kind: .loadProfile)
    _ = reduce(&state, .profileLoaded(jwt))
    let draft = state.oauthClientDraft
    #expect(draft.jwtKeyFile == "/keys/signing.pem" && draft.jwtKeyID == Self.keyID)
    #expect(draft.username == "admin" && draft.client.clientSecret?.reveal() == TokenTestBed.clientSecret)
  }

  @Test func anAPIKeyIsWalkedToASavedProfile() async throws {
    let bed = try TokenTestBed(apiKeys: [SimulatedAPIKey(key: Self.apiKey, userName: "admin")])
    let index = try #require(AuthKind.allCases.firstIndex(of: .apiKey))
    let steps =
      InProcessWizardTests.toAuthType(bed, index: index) + [
        .waitFor("Sign in with a REST API key"), .keys([.enter]),
        // Nothing typed: said on the field, and the screen stays.
        .waitFor("Paste the API key from its REST API Key record"),
        .keys([.paste(Secret(Self.apiKey))]), .waitFor("••••••••"), .keys([.enter]),
      ] + InProcessWizardTests.testAndSave("sim-apikey")
    let (terminal, outcome) = await InProcessWizardTests.run(steps, bed: bed)
    #expect(outcome == .success)
    let (profile, secrets) = try await InProcessWizardTests.saved(bed, "sim-apikey")
    #expect(profile.authType == .apiKey)
    #expect(profile.secretStore == .file)
    #expect(secrets.values.apiKey?.reveal() == Self.apiKey)
    #expect(terminal.frames.contains { $0.contains("Signed in as admin") }, "the test named no user")
    #expect(terminal.frames.contains { $0.contains("snowgate token sim-apikey --header") })
    InProcessWizardTests.expectNoSecret(in: terminal, [Self.apiKey])
    #expect(!bed.log.render(includeBodies: true).contains(Self.apiKey), "the request log holds the key")
  }

  @Test func aJWTBearerGrantIsWalkedToASavedProfileAfterAMissingKeyFile() async throws {
    let (folder, key) = try Self.keyFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bed = try TokenTestBed(
      jwtVerifiers: [
        SimulatedJWTVerifier(clientID: "snowgate-demo", keyID: Self.keyID, publicKeyPEM: key.publicKeyPEM)
      ])
    let index = try #require(AuthKind.allCases.firstIndex(of: .jwtBearer))
    let steps =
      InProcessWizardTests.toAuthType(bed, index: index) + [.waitFor("OAuth client: JWT bearer grant")]
      + InProcessWizardTests.clientFields([
        "snowgate-demo", TokenTestBed.clientSecret, "~/missing.pem", Self.keyID, "admin", "",
      ]) + [
        .waitFor("Generate token"), .keys([.enter]),
        // The key file cannot be read: said on the token screen, then on the field to fix.
        .waitFor("cannot be read"), .keys([.enter]),
        .waitFor("OAuth client: JWT bearer grant"), .keys([.clearField]), .type("~/signing.pem"),
        .keys([.enter]),
        .waitFor("Generate token"), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.enter]),
      ] + InProcessWizardTests.testAndSave("sim-jwt")
    // `~/` is HOME's, as a shell would have it.
    let (terminal, outcome) = await InProcessWizardTests.run(
      steps, bed: bed, variables: ["HOME": folder.path])
    #expect(outcome == .success)
    let (profile, secrets) = try await InProcessWizardTests.saved(bed, "sim-jwt")
    #expect(profile.authType == .jwtBearer)
    #expect(profile.clientID == "snowgate-demo")
    #expect(profile.username == "admin")
    #expect(profile.jwtKeyID == Self.keyID)
    #expect(profile.jwtKeyFile == key.privateKeyFile)
    #expect(secrets.values.clientSecret?.reveal() == TokenTestBed.clientSecret)
    #expect(secrets.values.refreshToken == nil, "a JWT bearer grant has no refresh token")
    let access = try #require(secrets.values.accessToken, "no access token was saved")
    #expect(terminal.frames.contains { $0.contains("never for JWT bearer") })
    InProcessWizardTests.expectNoSecret(in: terminal, [access.reveal()])
    let log = bed.log.render(includeBodies: true)
    #expect(log.contains("jwt-bearer"), "the request log misses the grant")
    #expect(!log.contains(access.reveal()), "the request log holds the access token")
  }
}
