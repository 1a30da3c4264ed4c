import Testing
import WizardCore

@testable import TerminalUI

/// The hand-built sample screens at 80x24, proving the golden helper and the layout.
@Suite struct GoldenScreenTests {
  @Test func sampleFormMatchesItsGolden() {
    assertScreen(ScreenRenderer.render(SampleScreens.form, width: 80, height: 24), named: "00-sample--form")
  }

  @Test func sampleChoicesMatchItsGolden() {
    assertScreen(
      ScreenRenderer.render(SampleScreens.choices, width: 80, height: 24), named: "00-sample--choices")
  }

  @Test func sampleChecksMatchItsGolden() {
    assertScreen(
      ScreenRenderer.render(SampleScreens.checks, width: 80, height: 24), named: "00-sample--checks")
  }

  @Test func tooSmallScreenMatchesItsGolden() {
    assertScreen(ScreenRenderer.render(SampleScreens.form, width: 50, height: 15), named: "00-sample--too-small")
  }
}
