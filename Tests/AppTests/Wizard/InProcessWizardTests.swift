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

/// The whole wizard in process: the real reducer, runtime, effects and client, a fake terminal,
/// and the simulated instance over HTTP on loopback. Each auth kind the wizard offers is walked
/// from the welcome screen to a profile saved in a temporary folder; no frame shows a secret.
@MainActor
@Suite(.serialized) struct InProcessWizardTests {
  /// Runs the wizard on `steps` against the bed and returns the terminal with every frame.
  static func run(
    _ steps: [FakeTerminal.Step], bed: TokenTestBed, browser: (@Sendable (URL) -> Void)? = nil,
    variables: [String: String] = [:], keyring: KeyringStore? = nil
  ) async -> (FakeTerminal, WizardCore.ExitStatus) {
    // Unless a test gives one, no keyring answers here whatever the machine has (no secret-tool
    // on this PATH): the save screen asks before it uses the credentials file.
    var store = bed.store
    store.keyring = keyring ?? KeyringStore(environment: ["PATH": "/nonexistent"])
    var environment = AppEnvironment(variables: variables, store: store, log: bed.log, deadline: .seconds(5))
    if let browser { environment.openBrowser = browser }
    let terminal = FakeTerminal(steps)
    let runtime = WizardRuntime(terminal: terminal, environment: environment)
    let outcome = await runtime.run(start: .start(savedProfiles: []))
    #expect(terminal.isFinished, "the wizard ended before the script did:\n\(terminal.screen)")
    return (terminal, outcome)
  }

  /// Welcome → instance → the auth type at `index` in the list.
  static func toAuthType(_ bed: TokenTestBed, index: Int) -> [FakeTerminal.Step] {
    [
      .waitFor("Set up a new connection"), .keys([.enter]),
      .waitFor("Instance address"), .type(bed.server.baseURL.absoluteString), .keys([.enter]),
      .waitFor("A ServiceNow instance answers"), .keys([.enter]),
      .waitFor("How should snowgate sign in?"), .keys(Array(repeating: .down, count: index) + [.enter]),
    ]
  }

  /// Test → save as `name` in the credentials file, agreeing to it as no keyring answers → done.
  static func testAndSave(_ name: String) -> [FakeTerminal.Step] {
    [
      .waitFor("Test the connection"), .keys([.enter]),
      .waitFor("The connection works."), .keys([.enter]),
      .waitFor("Save the connection"), .waitFor("No OS keyring answers here"), .keys([.clearField]),
      .type(name), .keys([.enter]),
      .waitFor("Keep the secrets in a plain file?"), .keys([.character("y")]),
      .waitFor("Connection saved"), .keys([.enter]),
    ]
  }

  /// The OAuth client fields, each typed and left with Tab; Enter after the last.
  static func clientFields(_ values: [String]) -> [FakeTerminal.Step] {
    var steps: [FakeTerminal.Step] = [.waitFor("OAuth client")]
    for (index, value) in values.enumerated() {
      steps.append(.keys([.clearField]))
      steps.append(.type(value))
      steps.append(.keys([index == values.count - 1 ? .enter : .tab]))
    }
    return steps
  }

  static func expectNoSecret(in terminal: FakeTerminal, _ secrets: [String]) {
    #expect(terminal.frames.count > 10)
    for secret in secrets + [TokenTestBed.password, TokenTestBed.clientSecret] {
      #expect(!terminal.frames.contains { $0.contains(secret) }, "a frame shows a secret")
      #expect(!terminal.plainTexts.contains { $0.contains(secret) }, "a plain page shows a secret")
    }
  }

  static func saved(_ bed: TokenTestBed, _ name: String) async throws -> (Profile, ResolvedSecrets) {
    let profile = try #require(try bed.store.load().profile(named: name), "no profile \(name) was saved")
    let secrets = try await bed.store.resolveSecrets(for: profile, environment: [:])
    return (profile, secrets)
  }

  @Test func basicIsWalkedToASavedProfile() async throws {
    let bed = try TokenTestBed()
    let steps =
      Self.toAuthType(bed, index: 0) + [
        .waitFor("Sign in with Basic auth"), .type("admin"), .keys([.enter]), .type(TokenTestBed.password),
        .keys([.enter]),
      ] + Self.testAndSave("sim-basic")
    let (terminal, outcome) = await Self.run(steps, bed: bed)
    #expect(outcome == .success)
    let (profile, secrets) = try await Self.saved(bed, "sim-basic")
    #expect(profile.authType == .basic)
    #expect(profile.username == "admin")
    #expect(profile.instanceURL == bed.server.baseURL)
    #expect(secrets.values.password?.reveal() == TokenTestBed.password)
    Self.expectNoSecret(in: terminal, [])
  }

  @Test func thePasswordGrantIsWalkedToASavedProfile() async throws {
    let bed = try TokenTestBed()
    let steps =
      Self.toAuthType(bed, index: 1)
      + Self.clientFields(["snowgate-demo", TokenTestBed.clientSecret, "admin", TokenTestBed.password, ""])
      + [
        .waitFor("Generate token"), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.enter]),
      ] + Self.testAndSave("sim-password")
    let (terminal, outcome) = await Self.run(steps, bed: bed)
    #expect(outcome == .success)
    let (profile, secrets) = try await Self.saved(bed, "sim-password")
    #expect(profile.authType == .oauthPassword)
    #expect(profile.clientID == "snowgate-demo")
    #expect(profile.username == "admin")
    #expect(secrets.values.clientSecret?.reveal() == TokenTestBed.clientSecret)
    #expect(secrets.values.password?.reveal() == TokenTestBed.password)
    Self.expectNoSecret(in: terminal, [secrets.values.refreshToken?.reveal()].compactMap { $0 })
  }

  @Test func anExistingRefreshTokenIsWalkedToASavedProfile() async throws {
    let bed = try TokenTestBed()
    let refresh = try await bed.issueRefreshToken()
    let steps =
      Self.toAuthType(bed, index: 3)
      + Self.clientFields(["snowgate-demo", TokenTestBed.clientSecret, refresh, ""]) + [
        .waitFor("Generate token"), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.enter]),
      ] + Self.testAndSave("sim-refresh")
    let (terminal, outcome) = await Self.run(steps, bed: bed)
    #expect(outcome == .success)
    let (profile, secrets) = try await Self.saved(bed, "sim-refresh")
    #expect(profile.authType == .oauthRefreshToken)
    #expect(profile.clientID == "snowgate-demo")
    #expect(secrets.values.refreshToken != nil)
    Self.expectNoSecret(in: terminal, [refresh])
  }

  @Test func clientCredentialsAreWalkedToASavedProfile() async throws {
    let bed = try TokenTestBed()
    let steps =
      Self.toAuthType(bed, index: 4) + Self.clientFields(["snowgate-demo", TokenTestBed.clientSecret, ""]) + [
        .waitFor("Generate token"), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.enter]),
      ] + Self.testAndSave("sim-client")
    let (terminal, outcome) = await Self.run(steps, bed: bed)
    #expect(outcome == .success)
    let (profile, secrets) = try await Self.saved(bed, "sim-client")
    #expect(profile.authType == .oauthClientCredentials)
    #expect(profile.clientID == "snowgate-demo")
    #expect(secrets.values.clientSecret?.reveal() == TokenTestBed.clientSecret)
    Self.expectNoSecret(in: terminal, [])
  }

  @Test func theBrowserSignInIsWalkedToASavedProfile() async throws {
    let port = FreePort.pick()
    let redirect = "http://127.0.0.1:\(port)/callback"
    let bed = try TokenTestBed(autoApprove: true, redirectURLs: [redirect])
    // The "browser": follows the authorize address to the simulator, which approves at once and
    // sends it on to the wizard's loopback listener with the code.
    let browser: @Sendable (URL) -> Void = { url in
      Task.detached { _ = try? await URLSession.shared.data(from: url) }
    }
    let steps =
      Self.toAuthType(bed, index: 2)
      + Self.clientFields(["snowgate-demo", TokenTestBed.clientSecret, redirect, ""]) + [
        .waitFor("Sign in in the browser"), .keys([.enter]),
        .waitFor("The instance issued a token."), .keys([.enter]),
      ] + Self.testAndSave("sim-browser")
    let (terminal, outcome) = await Self.run(steps, bed: bed, browser: browser)
    #expect(outcome == .success)
    let (profile, secrets) = try await Self.saved(bed, "sim-browser")
    #expect(profile.authType == .oauthAuthorizationCode)
    #expect(profile.redirectURI == redirect)
    #expect(secrets.values.refreshToken != nil)
    Self.expectNoSecret(in: terminal, [secrets.values.refreshToken?.reveal()].compactMap { $0 })
  }
}
