import Foundation
import Profiles
import ServiceNowClient
import Simulator
import TestSupport
import Testing
import Vocabulary
import WizardCore

@testable import App

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// "Create the OAuth client on the instance for me", in process: the real reducer, runtime,
/// effects and client, a fake terminal, and the simulated instance over loopback HTTP. The
/// instance starts with no OAuth client; its oauth_entity is read back over HTTP as the admin.
@MainActor
@Suite(.serialized) struct OAuthClientCreationWizardTests {
  nonisolated static let adminPassword = "S3CR3T-admin-pw-SENTINEL-2718"
  nonisolated static let userPassword = "S3CR3T-abel-pw-SENTINEL-3141"

  final class Bed: @unchecked Sendable {
    let server: SimulatorServer
    let store: ProfileStore
    let log = RequestLog()
    let folder: URL

    init(scenarios: Set<Scenario> = [], autoApprove: Bool = false) throws {
      let configuration = SimulatorConfiguration(
        users: [
          SimulatedUser(
            userName: "admin", password: OAuthClientCreationWizardTests.adminPassword, roles: ["admin"]),
          SimulatedUser(userName: "abel.tuter", password: OAuthClientCreationWizardTests.userPassword),
        ], oauthClients: [], scenarios: scenarios, autoApprove: autoApprove)
      server = SimulatorServer(configuration: configuration)
      try server.start()
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "snowgate-create-client-\(UUID().uuidString)", isDirectory: true)
      var store = ProfileStore(directory: folder)
      // No keyring answers here whatever the machine has, so saving asks for the file's yes.
      store.keyring = KeyringStore(environment: ["PATH": "/nonexistent"])
      self.store = store
    }

    deinit {
      server.stop()
      try? FileManager.default.removeItem(at: folder)
    }

    var environment: AppEnvironment {
      var environment = AppEnvironment(variables: [:], store: store, log: log, deadline: .seconds(5))
      // The "browser": follows the authorize address to the simulator, which approves at once
      // (with `autoApprove`) and sends it on to the wizard's loopback listener with the code.
      environment.openBrowser = { url in Task.detached { _ = try? await URLSession.shared.data(from: url) } }
      return environment
    }

    /// A table's rows as the admin reads them over HTTP.
    func rows(_ table: String, query: String? = nil) async throws -> [[String: String]] {
      let client = ServiceNowClient(instance: server.baseURL, log: RequestLog(), deadline: .seconds(5))
      let read = try await client.records(
        table, query: query, fields: [], limit: 100, displayValues: false,
        auth: .basic(username: "admin", password: Secret(OAuthClientCreationWizardTests.adminPassword))
      ).get()
      return read.records
    }
  }

  static func run(_ steps: [FakeTerminal.Step], bed: Bed) async -> (FakeTerminal, WizardCore.ExitStatus) {
    let terminal = FakeTerminal(steps)
    let runtime = WizardRuntime(terminal: terminal, environment: bed.environment)
    let outcome = await runtime.run(start: .start(savedProfiles: SetupCommand.savedSummaries(bed.store)))
    #expect(terminal.isFinished, "the wizard ended before the script did:\n\(terminal.screen)")
    return (terminal, outcome)
  }

  /// Welcome → instance → the auth type at `index` → its client screen.
  static func toClientScreen(_ bed: Bed, index: Int) -> [FakeTerminal.Step] {
    [
      .waitFor("Set up a new connection"), .keys([.enter]),
      .waitFor("Instance address"), .type(bed.server.baseURL.absoluteString), .keys([.enter]),
      .waitFor("A ServiceNow instance answers"), .keys([.enter]),
      .waitFor("How should snowgate sign in?"), .keys(Array(repeating: .down, count: index) + [.enter]),
      .waitFor("OAuth client"),
    ]
  }

  /// From the create action: the admin's user name and password, Enter, then the review.
  static func signIn(_ user: String, _ password: String, applicationUser: String? = nil) -> [FakeTerminal
    .Step]
  {
    var steps: [FakeTerminal.Step] = [
      .waitFor("Create the OAuth client on the instance for me"), .keys([.enter]),
      .waitFor("Sign in as an admin"), .keys([.tab]), .type(user), .keys([.tab]), .type(password),
    ]
    if let applicationUser { steps += [.keys([.tab]), .type(applicationUser)] }
    return steps + [.keys([.enter])]
  }

  static func expectNoSecret(_ terminal: FakeTerminal, _ secrets: [String], log: RequestLog) {
    #expect(terminal.frames.count > 10)
    let logged = log.render(includeBodies: true)
    for secret in secrets + [adminPassword, userPassword] where !secret.isEmpty {
      #expect(!terminal.frames.contains { $0.contains(secret) }, "a frame shows a secret")
      #expect(!logged.contains(secret), "the request log holds a secret")
    }
  }

  @Test func thePasswordGrantsClientIsCreatedThenSignedInWithAndSaved() async throws {
    let bed = try Bed()
    let steps =
      Self.toClientScreen(bed, index: 1) + [
        // Client ID and secret stay empty: snowgate makes them.
        .keys([.tab, .tab]), .type("admin"), .keys([.tab]), .type(Self.adminPassword), .keys([.tab, .tab]),
      ] + Self.signIn("admin", Self.adminPassword) + [
        .waitFor("Nothing is written until you press y"), .waitFor("no; a strong random secret"),
        .keys([.character("y")]),
        .waitFor("Generate token"), .waitFor("Created “snowgate 127”"), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.enter]),
        .waitFor("Test the connection"), .keys([.enter]),
        .waitFor("The connection works."), .keys([.enter]),
        .waitFor("Save the connection"), .keys([.clearField]), .type("made-here"), .keys([.enter]),
        .waitFor("Keep the secrets in a plain file?"), .keys([.character("y")]),
        .waitFor("Connection saved"), .keys([.enter]),
      ]
    let (terminal, outcome) = await Self.run(steps, bed: bed)
    #expect(outcome == .success)
    let profile = try #require(try bed.store.load().profile(named: "made-here"))
    let secrets = try await bed.store.resolveSecrets(for: profile, environment: [:])
    let clientID = try #require(profile.clientID)
    #expect(clientID.count == 32 && clientID.allSatisfy(\.isHexDigit))
    let secret = try #require(secrets.values.clientSecret?.reveal())
    #expect(secret.count >= 40, "the secret is 32 random bytes in base64url")
    // The record's refresh lifespan (100 days) is kept with the tokens, so `profiles` can warn.
    let stored = try bed.store.storedCredentials(for: "made-here")
    let ends = try #require(stored?.refreshTokenExpiresAt, "no refresh token expiry was saved")
    #expect(abs(ends.timeIntervalSinceNow - 8_640_000) < 120)
    let records = try await bed.rows("oauth_entity")
    #expect(records.count == 1)
    let record = try #require(records.first)
    #expect(record["client_id"] == clientID)
    #expect(record["name"] == "snowgate 127")
    #expect(record["public_client"] == "false")
    #expect(record["active"] == "true")
    #expect(record["refresh_token_lifespan"] == "8640000")
    // The saved profile passes the checks `snowgate check NAME` runs.
    let service = ConnectionService(environment: bed.environment)
    let report = await service.test(try await service.plan(profile: "made-here"), options: service.options())
    #expect(report.ok, "check failed: \(report.diagnosis.summary)")
    Self.expectNoSecret(terminal, [secret], log: bed.log)
  }

  @Test func theRecordsNameAndLifespansAreTypedBeforeTheReviewAndCreatedAsTyped() async throws {
    let bed = try Bed()
    let steps =
      Self.toClientScreen(bed, index: 1) + [
        .keys([.tab, .tab]), .type("admin"), .keys([.tab]), .type(Self.adminPassword), .keys([.tab, .tab]),
        .waitFor("Create the OAuth client on the instance for me"), .keys([.enter]),
        .waitFor("Sign in as an admin"), .keys([.tab]), .type("admin"), .keys([.tab]),
        .type(Self.adminPassword),
        .keys([.tab]), .type("snowgate prod scripts"), .keys([.tab]), .type("15 minutes"), .keys([.enter]),
        .waitFor("Type the lifespan in seconds"),
        .keys([.clearField]), .type("900"), .keys([.tab]), .type("86400"), .keys([.enter]),
        .waitFor("Name           snowgate prod scripts"), .waitFor("lives 900 s (15 minutes)"),
        .waitFor("lives 86400 s (1 day)"), .keys([.character("y")]),
        .waitFor("Created “snowgate prod scripts”"), .keys([.interrupt]), .waitFor("Quit"),
        .keys([.character("y")]),
      ]
    let (terminal, _) = await Self.run(steps, bed: bed)
    let record = try #require(try await bed.rows("oauth_entity").first)
    #expect(record["name"] == "snowgate prod scripts")
    #expect(record["access_token_lifespan"] == "900")
    #expect(record["refresh_token_lifespan"] == "86400")
    Self.expectNoSecret(terminal, [], log: bed.log)
  }

  @Test func aSavedAdminConnectionCreatesTheClient() async throws {
    let bed = try Bed()
    let admin = Profile(
      name: "adm", instanceURL: bed.server.baseURL, authType: .basic, username: "admin", secretStore: .file)
    try bed.store.save(profile: admin, secrets: StoredCredentials(password: Secret(Self.adminPassword)))
    let steps =
      [.waitFor("Set up a new connection")]
      + Array(Self.toClientScreen(bed, index: 1).dropFirst()) + [
        .keys([.tab, .tab]), .type("admin"), .keys([.tab]), .type(Self.adminPassword), .keys([.tab, .tab]),
        .waitFor("Create the OAuth client on the instance for me"), .keys([.enter]),
        .waitFor("The saved connection adm"), .keys([.down, .enter]),
        .waitFor("As adm, snowgate will create"), .keys([.character("y")]),
        .waitFor("Generate token"), .keys([.interrupt]), .waitFor("Quit"), .keys([.character("y")]),
      ]
    let (terminal, _) = await Self.run(steps, bed: bed)
    let records = try await bed.rows("oauth_entity")
    #expect(records.count == 1)
    Self.expectNoSecret(terminal, [], log: bed.log)
  }

  @Test func theBrowserFlowsClientIsCreatedWithTheRedirectURLAndSignsIn() async throws {
    let bed = try Bed(autoApprove: true)
    let redirect = "http://127.0.0.1:\(FreePort.pick())/callback"
    let steps =
      Self.toClientScreen(bed, index: 2) + [
        .waitFor("sign in in a browser"), .keys([.tab, .tab, .clearField]), .type(redirect),
        .keys([.tab, .tab]),
      ]
      + Self.signIn("admin", Self.adminPassword) + [
        .waitFor("Redirect URL   \(redirect)"), .keys([.character("y")]),
        .waitFor("Sign in in the browser"), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.interrupt]), .waitFor("Quit"),
        .keys([.character("y")]),
      ]
    let (terminal, _) = await Self.run(steps, bed: bed)
    let record = try #require(try await bed.rows("oauth_entity").first)
    #expect(record["redirect_url"] == redirect)
    #expect(record["public_client"] == "false")
    Self.expectNoSecret(terminal, [], log: bed.log)
  }

  @Test func sayingNoWritesNothing() async throws {
    let bed = try Bed()
    let steps =
      Self.toClientScreen(bed, index: 1) + [.keys([.tab, .tab, .tab, .tab, .tab])]
      + Self.signIn("admin", Self.adminPassword) + [
        .waitFor("Nothing is written until you press y"), .keys([.character("n")]),
        .waitFor("Create the OAuth client on the instance for me"), .keys([.interrupt]),
        .waitFor("Quit"), .keys([.character("y")]),
      ]
    let (terminal, outcome) = await Self.run(steps, bed: bed)
    #expect(outcome == .cancelled)
    #expect(try await bed.rows("oauth_entity").isEmpty, "a record was written without a yes")
    #expect(!terminal.frames.contains { $0.contains("Created “") })
    Self.expectNoSecret(terminal, [], log: bed.log)
  }

  @Test func aNonAdminIsToldWhyAndTheWizardStaysUsable() async throws {
    let bed = try Bed()
    let steps =
      Self.toClientScreen(bed, index: 1) + [.keys([.tab, .tab, .tab, .tab, .tab])]
      + Self.signIn("abel.tuter", Self.userPassword) + [
        .waitFor("abel.tuter may not read oauth_entity"), .waitFor("Sign in as a user with the admin role"),
        .keys([.escape]),
        // Back on the client screen, typing still works.
        .waitFor("Client ID"), .keys([.backTab, .backTab, .backTab, .backTab, .backTab]), .type("typed-id"),
        .waitFor("typed-id"), .keys([.interrupt]), .waitFor("Quit"), .keys([.character("y")]),
      ]
    let (terminal, outcome) = await Self.run(steps, bed: bed)
    #expect(outcome == .cancelled)
    #expect(try await bed.rows("oauth_entity").isEmpty)
    Self.expectNoSecret(terminal, [], log: bed.log)
  }

  @Test func clientCredentialsShowsThePropertyAndSetsItAfterTheYes() async throws {
    let bed = try Bed(scenarios: [.ccDisabled])
    #expect(try await bed.rows("sys_properties", query: "name=" + OAuthClientCreator.property).isEmpty)
    let steps =
      Self.toClientScreen(bed, index: 4) + [.keys([.tab, .tab, .tab])]
      + Self.signIn("admin", Self.adminPassword, applicationUser: "abel.tuter") + [
        .waitFor("grant_type.enabled is not set"), .waitFor("Also set it to true"),
        .waitFor("App user       abel.tuter"), .keys([.character("y")]),
        .waitFor("Generate token"), .waitFor("now true."), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.interrupt]), .waitFor("Quit"),
        .keys([.character("y")]),
      ]
    let (terminal, _) = await Self.run(steps, bed: bed)
    let property = try await bed.rows("sys_properties", query: "name=" + OAuthClientCreator.property)
    #expect(property.first?["value"] == "true")
    let records = try await bed.rows("oauth_entity")
    #expect(records.count == 1)
    #expect(records.first?["client_type"] == "integration_as_a_user")
    #expect(records.first?["user"]?.isEmpty == false)
    Self.expectNoSecret(terminal, [], log: bed.log)
  }
}
