import Foundation
import ServiceNowClient
import Simulator
import Testing
import Vocabulary
import WizardCore

@testable import App

/// The wizard's test screen and `snowgate check` of the same broken connection say the same
/// thing: the same verdict code and the same summary sentence, because both go through
/// `ConnectionService` (one planner, one probe, one runner).
@Suite struct SameVerdictTests {
  /// A broken instance, and the password the connection signs in with.
  struct Case: Sendable, CustomStringConvertible {
    var scenarios: Set<Scenario>
    var password: String
    var expectedCode: String
    var description: String { "\(scenarios.map(\.rawValue).sorted()) → \(expectedCode)" }
  }

  static let cases: [Case] = [
    Case(scenarios: [], password: "S3CR3T-wrong-SENTINEL", expectedCode: "auth.basic_rejected"),
    Case(scenarios: [.basicBlocked], password: TokenTestBed.password, expectedCode: "auth.basic_rejected"),
    Case(scenarios: [.mfaRequired], password: TokenTestBed.password, expectedCode: "auth.mfa_required"),
    Case(scenarios: [.aclSysUser], password: TokenTestBed.password, expectedCode: "api.forbidden"),
    Case(scenarios: [.rateLimited], password: TokenTestBed.password, expectedCode: "api.rate_limited"),
    Case(scenarios: [.hibernating], password: TokenTestBed.password, expectedCode: "instance.hibernating"),
    Case(scenarios: [.error503], password: TokenTestBed.password, expectedCode: "instance.unavailable"),
  ]

  /// What `snowgate check --instance … --json` prints as its diagnosis: (code, summary).
  static func checkDiagnosis(_ bed: TokenTestBed, password: String) async throws -> (String, String) {
    let environment = AppEnvironment(
      variables: ["SNOWGATE_PASSWORD": password], store: bed.store, log: RequestLog(), deadline: .seconds(5))
    let request = try CheckRequest.parse([
      "--instance", bed.server.baseURL.absoluteString, "--auth", "basic", "--username", "admin", "--json",
    ])
    let service = ConnectionService(environment: environment)
    let checks = try await service.plan(request)
    let reports = await service.test(checks, options: service.options(timeout: 5))
    let printer = CheckPrinter(request: request, variables: environment.variables)
    let json = printer.render(reports, checks: checks).stdout
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON: \(json)")
    let diagnosis = try #require(object["diagnosis"] as? [String: Any], "no diagnosis in \(json)")
    return (diagnosis["code"] as? String ?? "", diagnosis["summary"] as? String ?? "")
  }

  @Test(arguments: cases)
  func theTestScreenAndCheckGiveTheSameVerdict(_ example: Case) async throws {
    let bed = try TokenTestBed(scenarios: example.scenarios)
    let draft = ConnectionDraft(
      instanceURL: bed.server.baseURL,
      auth: .basic(username: "admin", password: Secret(example.password)))
    let outcome = await LiveCheck.run(draft, environment: LiveCheckTests.environment(bed)) { _ in }
    guard case .failed(let verdict) = outcome else {
      Issue.record("the test screen passed a broken connection: \(outcome)")
      return
    }
    let (code, summary) = try await Self.checkDiagnosis(bed, password: example.password)
    #expect(verdict.code == example.expectedCode)
    #expect(code == verdict.code)
    #expect(summary == verdict.summary)
    #expect(!summary.isEmpty)
    #expect(!summary.contains("SENTINEL"))
  }

  /// Saved OAuth password profiles on broken instances: the wizard's diagnose screen and
  /// `snowgate check NAME --json`.
  @Test(arguments: [Scenario.scopeMissing, .ropcDisabled, .aclSysUser])
  func theDiagnoseScreenAndCheckOfASavedProfileGiveTheSameVerdict(_ scenario: Scenario) async throws {
    let bed = try TokenTestBed(scenarios: [scenario])
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    let environment = LiveCheckTests.environment(bed)
    let outcome = await LiveCheck.run(profile: "prod", environment: environment) { _ in }
    guard case .failed(let verdict) = outcome else {
      Issue.record("the diagnose screen passed a broken connection: \(outcome)")
      return
    }
    let request = try CheckRequest.parse(["prod", "--json"])
    let service = ConnectionService(environment: environment)
    let checks = try await service.plan(request)
    let reports = await service.test(checks, options: service.options(timeout: 5))
    let json = CheckPrinter(request: request, variables: [:]).render(reports, checks: checks).stdout
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let diagnosis = try #require(object["diagnosis"] as? [String: Any])
    #expect(verdict.code != "ok")
    #expect(diagnosis["code"] as? String == verdict.code)
    #expect(diagnosis["summary"] as? String == verdict.summary)
    #expect(!json.contains("SENTINEL"))
  }
}
