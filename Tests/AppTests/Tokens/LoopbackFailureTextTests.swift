import ServiceNowClient
import Testing
import TextSafety

@testable import App

/// The browser's redirect is outside text: what it says is shown, never obeyed.
@Suite struct LoopbackFailureTextTests {
  @Test func aDeniedRedirectWithEscapeSequencesIsShownAsText() throws {
    let failure = LoopbackFailure.denied(
      error: "access_denied\u{1B}]0;title\u{07}",
      description: "no\u{1B}[2J\u{9B}" + String(repeating: "x", count: 5000)
    ).failure
    let detail = try #require(failure.detail)
    #expect(!UntrustedText.containsControl(detail), "\(detail)")
    #expect(detail.contains("access_denied␛]0;title␇"))
    #expect(detail.count < 800)
  }
}
