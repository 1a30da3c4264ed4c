import Foundation
import Profiles
import ServiceNowClient
import Simulator
import TestSupport
import Testing
import Vocabulary
import WizardCore

@testable import App

/// The diagnose screen's instance-setup layer in process (issue 14): the real reducer, runtime,
/// effects and client, a fake terminal, and the simulated instance over loopback HTTP with the
/// `wrong-redirect` and `inactive-client` scenarios. The lines carry the ids, words and fixes
/// of `check NAME --instance-setup`; a non-admin gets the "reads refused" lines; nothing is written.
@MainActor
@Suite(.serialized) struct DiagnoseInstanceSetupWizardTests {
  nonisolated static let adminPassword = "S3CR3T-diag-admin-SENTINEL-1618"
  nonisolated static let userPassword = "S3CR3T-diag-abel-SENTINEL-1414"
  nonisolated static let clientSecret = "S3CR3T-diag-client-SENTINEL-1732"
  nonisolated static let redirect = "http://127.0.0.1:8484/callback"

  /// A simulated instance (admin with the admin role, abel.tuter without) with the demo client,
  /// and saved profiles: `web` (browser sign-in with a real refresh token that has 3 days left),
  /// `oa` (password grant as admin), `abel-oa` (password grant as abel.tuter), `adm` (Basic admin).
  final class Bed: @unchecked Sendable {
    let server: SimulatorServer
    let store: ProfileStore
    let log = RequestLog()
    let folder: URL
    var issued: [String] = []

    init(scenarios: Set<Scenario>) async throws {
      let configuration = SimulatorConfiguration(
        users: [
          SimulatedUser(
            userName: "admin", password: DiagnoseInstanceSetupWizardTests.adminPassword, roles: ["admin"]),
          SimulatedUser(userName: "abel.tuter", password: DiagnoseInstanceSetupWizardTests.userPassword),
        ],
        oauthClients: [
          SimulatedOAuthClient(
            id: "snowgate-demo", secret: DiagnoseInstanceSetupWizardTests.clientSecret, name: "snowgate demo",
            redirectURLs: [DiagnoseInstanceSetupWizardTests.redirect], applicationUser: "admin")
        ], scenarios: scenarios)
      server = SimulatorServer(configuration: configuration)
      try server.start()
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "snowgate-diagnose-setup-\(UUID().uuidString)", isDirectory: true)
      var store = ProfileStore(directory: folder)
      store.keyring = KeyringStore(environment: ["PATH": "/nonexistent"])
      self.store = store
      try await saveProfiles(canSignIn: !scenarios.contains(.inactiveClient))
    }

    deinit {
      server.stop()
      try? FileManager.default.removeItem(at: folder)
    }

    var environment: AppEnvironment {
      AppEnvironment(variables: [:], store: store, log: log, deadline: .seconds(5))
    }

    private func saveProfiles(canSignIn: Bool) async throws {
      let url = server.baseURL
      let secret = Secret(DiagnoseInstanceSetupWizardTests.clientSecret)
      var web = StoredCredentials(clientSecret: secret)
      if canSignIn {
        // A refresh token as the browser flow leaves one, got here with the password grant.
        let client = ServiceNowClient(instance: url, log: RequestLog(), deadline: .seconds(5))
        let tokens = try await client.requestToken(
          TokenRequest(
            clientID: "snowgate-demo", clientSecret: secret,
            grant: .password(
              username: "admin", password: Secret(DiagnoseInstanceSetupWizardTests.adminPassword)))
        ).get()
        web.refreshToken = tokens.refreshToken
        issued = [tokens.accessToken.reveal()] + (tokens.refreshToken.map { [$0.reveal()] } ?? [])
      }
      web.refreshTokenExpiresAt = Date().addingTimeInterval(3 * 86_400)
      _ = try store.save(
        profile: Profile(
          name: "web", instanceURL: url, authType: .oauthAuthorizationCode, clientID: "snowgate-demo",
          redirectURI: DiagnoseInstanceSetupWizardTests.redirect),
        secrets: web)
      _ = try store.save(
        profile: Profile(
          name: "oa", instanceURL: url, authType: .oauthPassword, clientID: "snowgate-demo", username: "admin"
        ),
        secrets: StoredCredentials(
          password: Secret(DiagnoseInstanceSetupWizardTests.adminPassword), clientSecret: secret))
      _ = try store.save(
        profile: Profile(
          name: "abel-oa", instanceURL: url, authType: .oauthPassword, clientID: "snowgate-demo",
          username: "abel.tuter"),
        secrets: StoredCredentials(
          password: Secret(DiagnoseInstanceSetupWizardTests.userPassword), clientSecret: secret))
      _ = try store.save(
        profile: Profile(name: "adm", instanceURL: url, authType: .basic, username: "admin"),
        secrets: StoredCredentials(password: Secret(DiagnoseInstanceSetupWizardTests.adminPassword)))
    }

    /// The demo client's record as the admin reads it over HTTP, bypassing snowgate.
    func record() async throws -> [String: String] {
      let client = ServiceNowClient(instance: server.baseURL, log: RequestLog(), deadline: .seconds(5))
      let read = try await client.records(
        "oauth_entity", query: "client_id=snowgate-demo", fields: [], limit: 10, displayValues: false,
        auth: .basic(username: "admin", password: Secret(DiagnoseInstanceSetupWizardTests.adminPassword))
      ).get()
      return try #require(read.records.first)
    }
  }

  /// Welcome → Diagnose a saved connection → the profile `name`, then `then`, then quit.
  static func diagnose(_ name: String, bed: Bed, then steps: [FakeTerminal.Step]) async -> FakeTerminal {
    let saved = SetupCommand.savedSummaries(bed.store)
    let index = saved.firstIndex { $0.name == name } ?? 0
    let script: [FakeTerminal.Step] =
      [
        .waitFor("Set up a new connection"), .keys([.down, .down, .enter]),
        .waitFor("Diagnose a saved connection"), .keys(Array(repeating: .down, count: index) + [.enter]),
      ] + steps + [.keys([.interrupt])]
    let terminal = FakeTerminal(script)
    let runtime = WizardRuntime(terminal: terminal, environment: bed.environment)
    _ = await runtime.run(start: .start(savedProfiles: saved))
    #expect(terminal.isFinished, "the wizard ended before the script did:\n\(terminal.screen)")
    return terminal
  }

  /// The check lines of the last diagnose screen shown, by title.
  static func lines(_ terminal: FakeTerminal) -> [String: CheckLineModel] {
    let model = terminal.models.last { $0.id == "diagnose" }
    var found: [String: CheckLineModel] = [:]
    for case .check(let line) in model?.items ?? [] { found[line.title] = line }
    return found
  }

  /// The intro of the last diagnose screen shown: it says whose sign-in reads the setup.
  static func lastIntro(_ terminal: FakeTerminal) -> String {
    (terminal.models.last { $0.id == "diagnose" }?.intro ?? []).joined(separator: " ")
  }

  /// The key hints of the last diagnose screen shown, as "key action".
  static func lastHints(_ terminal: FakeTerminal) -> [String] {
    (terminal.models.last { $0.id == "diagnose" }?.hints ?? []).map { "\($0.key) \($0.action)" }
  }

  static func expectNoSecret(_ terminal: FakeTerminal, bed: Bed) {
    #expect(terminal.frames.count > 5)
    let logged = bed.log.render(includeBodies: true)
    for secret in [adminPassword, userPassword, clientSecret] + bed.issued {
      #expect(!terminal.frames.contains { $0.contains(secret) }, "a frame shows a secret")
      #expect(!logged.contains(secret), "the request log holds a secret")
    }
  }

  @Test func aWrongRedirectURLFailsWithItsFixAfterTheLayersPass() async throws {
    let bed = try await Bed(scenarios: [.wrongRedirect])
    let before = try await bed.record()
    let terminal = await Self.diagnose(
      "web", bed: bed,
      then: [
        .waitFor("web works."), .waitFor("a Read as "),
      ])
    let found = Self.lines(terminal)
    #expect(Self.lastIntro(terminal).contains("read as web."))
    #expect(found["Auth"]?.status == .pass, "the refresh token signs in")
    let redirect = try #require(found["Redirect URL"], "\(found.keys.sorted())")
    #expect(redirect.status == .fail)
    #expect(redirect.detail.contains("https://elsewhere.example.test/oauth/callback"), "\(redirect.detail)")
    #expect(redirect.detail.contains("not \(Self.redirect)"))
    #expect(redirect.remedy?.contains("set Redirect URL to exactly \(Self.redirect)") == true)
    #expect(redirect.remedy?.contains("Machine Identity Console") == true)
    #expect(found["Active"]?.status == .pass)
    #expect(found["Refresh token"]?.status == .warn, "3 days left is under the 7-day warning")
    #expect(found["Instance setup"]?.status == .fail)
    #expect(found["Instance setup"]?.detail == "Read as web: 1 to fix.")
    // The same words as the command: its audit, run here for the same profile.
    let config = try bed.store.load()
    let profile = try #require(config.profile(named: "web"))
    let access = try await AdminAccess.signIn(profile, environment: bed.environment).get()
    let report = try await InstanceSetupAudit.report(of: profile, as: access, environment: bed.environment)
      .get()
    let command = try #require(report.checks.first { $0.id == "oauth.redirect" })
    #expect(redirect.detail == command.detail && redirect.remedy == command.remedy)
    #expect(try await bed.record() == before, "the diagnose screen wrote to the instance")
    Self.expectNoSecret(terminal, bed: bed)
  }

  @Test func anInactiveRecordIsReadAsAnotherProfileAfterA() async throws {
    let bed = try await Bed(scenarios: [.inactiveClient])
    let order = SetupCommand.savedSummaries(bed.store).map(\.name).filter { $0 != "oa" }
    let presses = (order.firstIndex(of: "adm") ?? 0) + 1
    var steps: [FakeTerminal.Step] = [.waitFor("Not read: oa could not sign in")]
    for _ in 0..<presses {
      // The key starts a new run at once (its screen has no "Run again" until it ends).
      steps += [.waitFor("Run again"), .keys([.character("a")])]
    }
    steps += [.waitFor("Run again")]
    let terminal = await Self.diagnose("oa", bed: bed, then: steps)
    let found = Self.lines(terminal)
    #expect(Self.lastIntro(terminal).contains("read as adm."))
    #expect(found["Auth"]?.status == .fail, "an inactive record refuses the sign-in")
    let active = try #require(found["Active"], "\(found.keys.sorted())")
    #expect(active.status == .fail)
    #expect(active.detail.hasPrefix("The record is not Active"))
    #expect(active.remedy?.contains("tick Active, Update") == true)
    #expect(found["Redirect URL"]?.status == .skip, "the password grant has no browser step")
    #expect(found["Instance setup"]?.detail == "Read as adm: 1 to fix.")
    #expect(try await bed.record()["active"] == "false", "nothing was changed")
    Self.expectNoSecret(terminal, bed: bed)
  }

  @Test func aNonAdminIsToldWhichReadsWereRefusedAndWhatTheyWouldHaveTold() async throws {
    let bed = try await Bed(scenarios: [])
    // `a` would read as the next saved profile of the instance, and the line says which.
    let next = try #require(SetupCommand.savedSummaries(bed.store).map(\.name).first { $0 != "abel-oa" })
    let terminal = await Self.diagnose(
      "abel-oa", bed: bed, then: [.waitFor("Run again")])
    let found = Self.lines(terminal)
    #expect(Self.lastIntro(terminal).contains("read as abel-oa."))
    let refused = try #require(found["Read refused: oauth_entity"], "\(found.keys.sorted())")
    #expect(refused.status == .warn)
    #expect(
      refused.detail.contains("it would have told whether the OAuth record for client ID snowgate-demo"))
    #expect(refused.remedy?.contains("abel-oa has no admin rights there") == true)
    #expect(refused.remedy?.contains("Press a to read it as \(next)") == true, "\(refused.remedy ?? "")")
    #expect(Self.lastHints(terminal).contains("a Read as \(next)"))
    #expect(refused.remedy?.contains("--instance-setup --admin PROFILE") == true)
    #expect(found["OAuth record"]?.detail == "Not checked: the instance refused the read of oauth_entity.")
    #expect(found["Instance setup"]?.detail == "Read as abel-oa: Nothing to fix; 1 read(s) refused.")
    Self.expectNoSecret(terminal, bed: bed)
  }
}
