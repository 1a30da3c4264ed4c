import Diagnosis
import Testing
import Vocabulary

@testable import App

@Suite struct ReportAdjustmentTests {
  static func check(_ id: CheckID, _ status: CheckStatus, ms: Int, remedy: String? = nil) -> CheckResult {
    CheckResult(id: id, status: status, detail: "answered", remedy: remedy, elapsedMilliseconds: ms)
  }

  @Test func aPassOverTwoSecondsBecomesAWarningWithItsTime() {
    let slow = ReportAdjustment.slow(Self.check(.instance, .pass, ms: 9_140))
    #expect(slow.status == .warn)
    #expect(slow.detail == "answered, but slowly")
    #expect(slow.remedy == "It took 9.1 s (over 2 s). If it stays slow, tell the network or instance team.")
    #expect(ReportAdjustment.slow(Self.check(.instance, .pass, ms: 2_000)).status == .pass)
    #expect(ReportAdjustment.slow(Self.check(.tcp, .fail, ms: 9_000)).status == .fail)
    #expect(ReportAdjustment.slow(Self.check(.proxy, .skip, ms: 9_000)).status == .skip)
  }

  @Test func slowWarningsKeepTheVerdictOK() {
    let report = Report(
      profile: "prod", instance: "https://dev12345.service-now.com", auth: .basic,
      diagnosis: Verdict(code: "ok", summary: "The connection works."),
      checks: [Self.check(.instance, .pass, ms: 3_000), Self.check(.auth, .pass, ms: 10)],
      elapsedMilliseconds: 3_010)
    let adjusted = ReportAdjustment.apply(report)
    #expect(adjusted.ok)
    #expect(adjusted.checks.map(\.status) == [.warn, .pass])
  }

  @Test func remediesNameTheRealProfileOrNoneWithoutOne() {
    #expect(
      ReportAdjustment.naming("Generate new tokens in the wizard (snowgate setup NAME).", profile: "prod")
        == "Generate new tokens in the wizard (snowgate setup prod).")
    #expect(
      ReportAdjustment.naming("Get a new token (snowgate token NAME refreshes it).", profile: nil)
        == "Get a new token (snowgate token refreshes it).")
    #expect(
      ReportAdjustment.naming("a NAME.service-now.com host", profile: "prod") == "a NAME.service-now.com host"
    )
    let report = Report(
      profile: "prod", instance: "https://x", auth: .oauthPassword,
      diagnosis: Verdict(
        code: "oauth.refresh_expired", summary: "The refresh token expired.",
        remedies: ["Generate new tokens in the wizard (snowgate setup NAME)."]),
      checks: [Self.check(.token, .fail, ms: 5, remedy: "Run snowgate setup NAME.")], elapsedMilliseconds: 5)
    let adjusted = ReportAdjustment.apply(report)
    #expect(adjusted.diagnosis.remedies == ["Generate new tokens in the wizard (snowgate setup prod)."])
    #expect(adjusted.checks[0].remedy == "Run snowgate setup prod.")
  }

  @Test func theWizardsTimeoutAdviceNamesSetupTimeout() {
    #expect(
      Outcomes.remedy("Try again with a longer --timeout if the network is just slow.")
        == "Try again with a longer deadline (snowgate setup --timeout SECONDS) if the network is just slow.")
    #expect(
      Outcomes.remedy("If the network is known to be slow, allow more time with --timeout SECONDS.")
        == "If the network is known to be slow, allow more time with snowgate setup --timeout SECONDS.")
    #expect(Outcomes.remedy("Check the password.") == "Check the password.")
  }
}
