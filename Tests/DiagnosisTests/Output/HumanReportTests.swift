import Testing

@testable import Diagnosis

@Suite struct HumanReportTests {
  @Test func failureShowsALinePerCheckTheRemediesUnderItAndTheVerdict() {
    let text = HumanReport.render(SampleReports.failed, colour: false, verbose: false, exchangeLog: nil)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "Checking https://dev1.service-now.com (basic auth)")
    #expect(lines.contains("  ✓ URL            https://dev1.service-now.com  (0 ms)"))
    #expect(lines.contains("  – Proxy          no proxy variable set"))
    let tcp = try! #require(lines.firstIndex { $0.hasPrefix("  ✗ TCP") })
    #expect(lines[tcp + 1].trimmingCharacters(in: .whitespaces) == "→ Check the port.")
    #expect(lines[tcp + 2].trimmingCharacters(in: .whitespaces) == "→ Ask the network team.")
    #expect(lines.contains("  – TLS            skipped: TCP failed"))
    #expect(
      lines.last
        == "✗ tcp.refused: Nothing accepts connections on port 443 of dev1.service-now.com. (exit 4, 1.5 s)")
    #expect(!text.contains("\u{1B}["))
  }

  @Test func passWithWarningShowsTheWarningsRemedyAndExitZero() {
    let text = HumanReport.render(
      SampleReports.passedWithWarning, colour: false, verbose: false, exchangeLog: nil)
    #expect(text.contains("  ! API metadata   HTTP 403  (40 ms)\n"))
    #expect(text.components(separatedBy: "→ Grant read on sys_db_object.").count == 2)
    #expect(text.contains("! ok: The connection works, with warnings: API metadata. (exit 0, 230 ms)"))
  }

  @Test func colourOnlyWhenAsked() {
    let text = HumanReport.render(SampleReports.failed, colour: true, verbose: false, exchangeLog: nil)
    #expect(text.contains("\u{1B}[31m✗\u{1B}[0m"))
    #expect(text.contains("\u{1B}[32m✓\u{1B}[0m"))
  }

  @Test func verboseAddsTheExchangeLogAndOnlyThen() {
    let log = "> GET /api/now/table/sys_user\n< 200"
    let quiet = HumanReport.render(SampleReports.failed, colour: false, verbose: false, exchangeLog: log)
    let loud = HumanReport.render(SampleReports.failed, colour: false, verbose: true, exchangeLog: log)
    #expect(!quiet.contains("GET /api"))
    #expect(loud.contains("HTTP exchange (secrets redacted):\n  > GET /api/now/table/sys_user\n  < 200"))
  }

  @Test func durationsReadAsMillisecondsOrSeconds() {
    #expect(HumanReport.duration(0) == "0 ms")
    #expect(HumanReport.duration(999) == "999 ms")
    #expect(HumanReport.duration(1000) == "1.0 s")
    #expect(HumanReport.duration(2049) == "2.0 s")
    #expect(HumanReport.duration(10_960) == "11.0 s")
  }
}
