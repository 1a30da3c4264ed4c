import Foundation
import ServiceNowClient
import Testing
import WizardCore

@testable import TerminalUI

/// The test screen running the layered checks of `snowgate check` live, at 80×24: lines turn
/// from pending to a spinner to ✓ ! ✗ –, the remedy stands under a failure.
///
/// Driven through the reducer with the events the runtime posts, so the pictures are the flow's.
@Suite struct LiveCheckGoldenTests {
  typealias Wizard = WizardScreenGoldenTests.Wizard

  /// The ten layers in the runner's order, as (id, title).
  static let layers = [
    ("url", "URL"), ("proxy", "Proxy"), ("dns", "DNS"), ("tcp", "TCP"), ("tls", "TLS"),
    ("instance", "Instance"), ("auth", "Auth"), ("api", "API"), ("api_meta", "API metadata"),
    ("token", "Token"),
  ]

  /// What a healthy Basic connection to dev12345 reports, layer by layer.
  static let passes: [CheckLineUpdate] = [
    pass("url", "URL", "https://dev12345.service-now.com", 0),
    CheckLineUpdate(
      id: "proxy", title: "Proxy", status: .skip, detail: "no proxy variable set (https_proxy, HTTPS_PROXY)"),
    pass("dns", "DNS", "dev12345.service-now.com → 149.96.6.1", 12),
    pass("tcp", "TCP", "connected to 149.96.6.1:443 in 31 ms", 31),
    pass("tls", "TLS", "handshake done; the certificate is trusted for dev12345.service-now.com", 88),
    pass("instance", "Instance", "ServiceNow answered (HTTP 200: glide cookie)", 88),
    pass("auth", "Auth", "user integration.user signed in with Basic auth", 140),
    pass("api", "API", "sys_user readable (1 record in 140 ms)", 0),
    pass("api_meta", "API metadata", "sys_db_object readable (1 record in 95 ms)", 95),
    CheckLineUpdate(id: "token", title: "Token", status: .skip, detail: "Basic auth has no token to check"),
  ]

  static func pass(_ id: String, _ title: String, _ detail: String, _ ms: Int) -> CheckLineUpdate {
    CheckLineUpdate(id: id, title: title, status: .pass, detail: detail, elapsedMilliseconds: ms)
  }

  /// The wizard on the test screen with the run started and every line pending.
  static func running() -> Wizard {
    var wizard = WizardScreenGoldenTests.atTest()
    wizard.press(.enter)
    for (id, title) in layers {
      wizard.send(.checkProgress(CheckLineUpdate(id: id, title: title, status: .pending)))
    }
    return wizard
  }

  @Test func allChecksPassed() {
    var wizard = Self.running()
    for line in Self.passes {
      wizard.send(.checkProgress(CheckLineUpdate(id: line.id, title: line.title, status: .running)))
      wizard.send(.checkProgress(line))
    }
    wizard.send(
      .testFinished(
        .passed(TestReport(details: ["Signed in as integration.user.", "All checks passed."]))))
    assertScreen(wizard.frame(), named: "05-test--live-passed")
    let text = wizard.frame().lines().joined(separator: "\n")
    #expect(text.contains("The connection works."))
    #expect(!text.contains(WizardScreenGoldenTests.sentinel))
  }

  @Test func aFailureShowsItsRemedyUnderTheLine() {
    var wizard = Self.running()
    for line in Self.passes.prefix(6) { wizard.send(.checkProgress(line)) }
    let verdict = WizardScreenGoldenTests.verdict(.authBasicRejected)
    wizard.send(
      .checkProgress(
        CheckLineUpdate(
          id: "auth", title: "Auth", status: .fail, detail: "HTTP 401 from sys_user",
          remedy: verdict.remedies.joined(separator: " "), elapsedMilliseconds: 131, code: verdict.code)))
    for (id, title) in Self.layers.suffix(3) {
      wizard.send(
        .checkProgress(CheckLineUpdate(id: id, title: title, status: .skip, detail: "skipped: Auth failed")))
    }
    wizard.send(.testFinished(.failed(verdict)))
    assertScreen(wizard.frame(), named: "05-test--live-failed-401")
    let text = wizard.frame().lines().joined(separator: "\n")
    #expect(text.contains("refused the user name and password (401)"))

    // PgUp scrolls to the first line of the result; the runtime settles what does not fit.
    var scrolled = wizard
    scrolled.press(.pageUp)
    scrolled.press(.pageUp)
    let frame = scrolled.frame()
    scrolled.send(.scrollSettled(frame.scroll))
    assertScreen(scrolled.frame(), named: "05-test--live-failed-401--scrolled")
    let top = scrolled.frame().lines().joined(separator: "\n")
    #expect(top.contains("✓ URL"))
    #expect(top.contains("↓ more"))
    #expect(!top.contains("↑ more"))
    scrolled.press(.pageDown)
    scrolled.press(.pageDown)
    scrolled.send(.scrollSettled(scrolled.frame().scroll))
    #expect(scrolled.frame().lines() == wizard.frame().lines())
  }

  @Test func aRunInProgressShowsDoneRunningAndPendingLines() {
    var wizard = Self.running()
    for line in Self.passes.prefix(4) { wizard.send(.checkProgress(line)) }
    wizard.send(.checkProgress(CheckLineUpdate(id: "tls", title: "TLS", status: .running)))
    wizard.send(.tick(.seconds(100)))
    wizard.send(.tick(.seconds(101)))
    wizard.send(.tick(.seconds(101)))
    assertScreen(wizard.frame(), named: "05-test--live-running")
  }
}
