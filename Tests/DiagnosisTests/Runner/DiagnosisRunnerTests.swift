import Foundation
import Testing
import Vocabulary

@testable import Diagnosis

/// Skip logic, verdict selection and the live events, with fakes for the HTTP layers on top of a
/// real loopback listener for the network layers.
@Suite struct DiagnosisRunnerTests {
  let listener: LocalSocket

  init() throws { listener = try LocalSocket() }

  func target(_ probe: (any HTTPLayerProbe)?, profile: String? = "dev") -> DiagnosisTarget {
    DiagnosisTarget(
      profile: profile, instance: "http://127.0.0.1:\(listener.port)", auth: .basic, http: probe)
  }

  func run(_ probe: (any HTTPLayerProbe)?, timeout: Double = 2, slack: Double = 1) async -> Report {
    await DiagnosisRunner.run(
      target(probe), options: DiagnosisOptions(timeout: timeout, slack: slack, environment: [:]))
  }

  static func failure(_ code: String) -> LayerOutcome {
    .fail(
      code: code, detail: "\(code) detail", summary: "\(code) summary.",
      remedies: ["Fix \(code).", "Or this."])
  }

  @Test func allLayersPassingIsOK() async {
    let report = await run(FakeProbe())
    #expect(report.diagnosis == Verdict(code: "ok", summary: "All checks passed."))
    #expect(report.ok)
    #expect(report.checks.map(\.id) == CheckID.allCases)
    #expect(report.profile == "dev")
    #expect(report.instance == "http://127.0.0.1:\(listener.port)")
  }

  @Test func failingTLSSkipsEveryLayerAboveItAndSaysWhy() async {
    let probe = FakeProbe(outcomes: [.tls: Self.failure("tls.untrusted")])
    let report = await run(probe)
    #expect(
      report.diagnosis
        == Verdict(
          code: "tls.untrusted", summary: "tls.untrusted summary.",
          remedies: ["Fix tls.untrusted.", "Or this."]))
    #expect(probe.calls.all == [.tls])
    let above = report.checks.filter { [.instance, .auth, .api, .apiMeta, .token].contains($0.id) }
    #expect(above.count == 5)
    #expect(above.allSatisfy { $0.status == .skip && $0.detail == "skipped: TLS failed" })
    #expect(report.failingCheck?.remedy == "Fix tls.untrusted. Or this.")
    #expect(report.failingCheck?.code == "tls.untrusted")
  }

  @Test(arguments: [
    (CheckID.instance, "instance.hibernating"), (.auth, "auth.basic_rejected"), (.api, "api.forbidden"),
  ])
  func theFailingLayersCodeIsTheVerdict(layer: CheckID, code: String) async {
    let report = await run(FakeProbe(outcomes: [layer: Self.failure(code)]))
    #expect(report.diagnosis.code == code)
    #expect(report.failingCheck?.id == layer)
  }

  @Test func onlyTheFirstFailureCountsBecauseLaterLayersAreNotCalled() async {
    let probe = FakeProbe(outcomes: [
      .auth: Self.failure("auth.basic_rejected"), .api: Self.failure("api.forbidden"),
    ])
    let report = await run(probe)
    #expect(report.diagnosis.code == "auth.basic_rejected")
    #expect(!probe.calls.all.contains(.api))
  }

  @Test func apiMetaFailureIsOnlyAWarningAndTheRunStaysOK() async {
    let probe = FakeProbe(outcomes: [.apiMeta: Self.failure("api.forbidden")])
    let report = await run(probe)
    #expect(report.ok)
    #expect(report.diagnosis.code == "ok")
    #expect(report.diagnosis.summary == "The connection works, with warnings: API metadata.")
    #expect(report.diagnosis.remedies == ["Fix api.forbidden.", "Or this."])
    #expect(report.checks.first { $0.id == .apiMeta }?.status == .warn)
    #expect(report.checks.last?.status == .skip)
  }

  @Test func warningsDoNotSkipTheLayersAbove() async {
    let probe = FakeProbe(outcomes: [.instance: .warn("slow", code: "instance.slow")])
    let report = await run(probe)
    #expect(report.ok)
    #expect(report.checks.first { $0.id == .auth }?.status == .pass)
  }

  @Test func skippedLayerFromTheProbeIsNotAFailure() async {
    let report = await run(FakeProbe(outcomes: [.apiMeta: .skip("not needed")]))
    #expect(report.ok)
    #expect(report.checks.first { $0.id == .apiMeta }?.detail == "not needed")
  }

  @Test func basicAuthSkipsTheTokenLayerWithoutAskingTheProbe() async {
    let probe = FakeProbe()
    let report = await run(probe)
    #expect(report.checks.last?.detail == "Basic auth has no token to check")
    #expect(!probe.calls.all.contains(.token))
  }

  @Test func oauthTargetsHaveTheirTokenLayerChecked() async {
    let probe = FakeProbe(outcomes: [.token: Self.failure("oauth.refresh_expired")])
    var oauth = target(probe)
    oauth.auth = .oauthRefreshToken
    let report = await DiagnosisRunner.run(oauth, options: DiagnosisOptions(timeout: 2, environment: [:]))
    #expect(report.diagnosis.code == "oauth.refresh_expired")
    #expect(report.auth == .oauthRefreshToken)
  }

  @Test func layerThatNeverAnswersIsHTTPTimeoutAtTheDeadlinePlusSlack() async {
    let report = await run(FakeProbe(hanging: [.instance]), timeout: 0.2, slack: 0.1)
    #expect(report.diagnosis.code == "http.timeout")
    #expect(report.checks.first { $0.id == .auth }?.detail == "skipped: Instance failed")
  }

  @Test func withoutAnHTTPClientTheHTTPLayersAreSkipped() async {
    let report = await run(nil)
    #expect(report.ok)
    #expect(report.checks.filter { $0.id.isHTTPLayer }.allSatisfy { $0.detail == "skipped: no HTTP client" })
  }

  @Test func progressAnnouncesEachCheckBeforeItsResultInLayerOrder() async {
    let events = EventLog()
    let probe = FakeProbe(outcomes: [.api: Self.failure("api.forbidden")])
    let report = await DiagnosisRunner.run(
      target(probe), options: DiagnosisOptions(timeout: 2, environment: [:])
    ) {
      events.append($0)
    }
    let finished = events.all.compactMap { event -> CheckResult? in
      if case .finished(let result) = event { return result }
      return nil
    }
    #expect(finished == report.checks)
    for id in [CheckID.url, .dns, .tcp, .tls, .api] {
      let start = events.all.firstIndex(of: .started(id))
      let end = events.all.firstIndex {
        if case .finished(let r) = $0 { return r.id == id } else { return false }
      }
      #expect(start != nil && end != nil && start! < end!, "\(id)")
    }
    #expect(!events.all.contains(.started(.apiMeta)))
  }

  @Test func contextCarriesTheNormalisedURLTimeoutAndRefreshFlag() async {
    let seen = ContextLog()
    let probe = RecordingProbe(log: seen)
    _ = await DiagnosisRunner.run(
      target(probe), options: DiagnosisOptions(timeout: 3, forceRefresh: true, environment: [:]))
    let context = seen.last
    #expect(context?.baseURL.absoluteString == "http://127.0.0.1:\(listener.port)")
    #expect(context?.timeout == 3)
    #expect(context?.forceRefresh == true)
    #expect(context?.proxy == nil)
  }

  @Test func runAllChecksProfilesConcurrentlyAndKeepsTheirOrder() async throws {
    let barrier = Barrier(parties: 3)
    let targets = (0..<3).map { index in
      DiagnosisTarget(
        profile: "p\(index)", instance: "http://127.0.0.1:\(listener.port)", auth: .basic,
        http: BarrierProbe(barrier: barrier))
    }
    let reports = await DiagnosisRunner.runAll(
      targets, options: DiagnosisOptions(timeout: 5, environment: [:]))
    #expect(reports.map(\.profile) == ["p0", "p1", "p2"])
    // Each probe waits at the barrier until all three are in their tls layer at once; run one
    // after another, the barrier would give up and the layer fail.
    #expect(reports.allSatisfy { $0.ok })
  }
}
