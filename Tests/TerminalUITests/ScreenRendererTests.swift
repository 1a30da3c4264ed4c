import Foundation
import Testing
import WizardCore

@testable import TerminalUI

@Suite struct ScreenRendererTests {
  private func text(_ frame: Frame) -> String { frame.lines().joined(separator: "\n") }

  @Test func headerShowsAppTitleAndStep() {
    let frame = ScreenRenderer.render(SampleScreens.form, width: 80, height: 24)
    let header = frame.lines()[0]
    #expect(header.hasPrefix(" snowgate › Basic credentials"))
    #expect(header.hasSuffix("Step 4 of 6"))
    #expect(frame.lines()[23].hasPrefix(" Enter Continue  Esc Back  F1 Help  Ctrl-C Quit"))
  }

  @Test func everySizeFromTheMinimumUpFillsTheWholeFrame() {
    for (width, height) in [(60, 20), (80, 24), (100, 30), (61, 21), (200, 60)] {
      let frame = ScreenRenderer.render(SampleScreens.checks, width: width, height: height)
      let lines = frame.lines()
      #expect(lines.count == height)
      #expect(lines[1].hasPrefix("┌") && lines[1].hasSuffix("┐"))
      #expect(lines[height - 2].hasPrefix("└") && lines[height - 2].hasSuffix("┘"))
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
    }
  }

  @Test func tooSmallTerminalsGetAnExplanationThatFits() {
    for (width, height) in [(59, 20), (60, 19), (50, 15), (20, 5), (1, 1), (0, 0)] {
      let frame = ScreenRenderer.render(SampleScreens.form, width: width, height: height)
      #expect(frame.width == width && frame.height == height)
      #expect(frame.cursor == nil)
      #expect(!text(frame).contains("Basic credentials"))
    }
    let frame = ScreenRenderer.render(SampleScreens.form, width: 59, height: 20)
    let joined = frame.lines().map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(joined.contains("snowgate needs at least 60×20; this terminal is 59×20. Make the window larger."))
  }

  @Test func theFocusedFieldGetsTheCursorAtItsTextPosition() throws {
    let frame = ScreenRenderer.render(SampleScreens.form, width: 80, height: 24)
    let cursor = try #require(frame.cursor)
    let row = frame.lines()[cursor.y]
    #expect(row.contains("› Password"))
    // The cursor sits right after the 8 bullets of the focused password field.
    let bracket = try #require(row.firstIndex(of: "["))
    #expect(cursor.x == row.distance(from: row.startIndex, to: bracket) + 1 + 8)
  }

  @Test func secretFieldsShowOnlyTheDisplayTheyAreGiven() {
    var model = SampleScreens.form
    model.items[1] = .field(
      FieldModel(label: "Password", display: "••••", cursor: 4, isSecret: true, note: "Ctrl-R shows it"))
    let rendered = text(ScreenRenderer.render(model, width: 80, height: 24))
    #expect(rendered.contains("[••••_"))
    #expect(!rendered.contains("S3CR3T"))
  }

  @Test func aLongValueScrollsSidewaysToKeepTheCursorInTheBox() throws {
    let long = "https://" + String(repeating: "a", count: 100) + ".example.com/END"
    let model = ScreenModel(
      id: "t", title: "T", items: [.field(FieldModel(label: "URL", display: long, cursor: long.count))],
      focus: 0)
    let frame = ScreenRenderer.render(model, width: 80, height: 24)
    let cursor = try #require(frame.cursor)
    let row = frame.lines()[cursor.y]
    #expect(row.contains(".example.com/END"))
    #expect(!row.contains("https://"))
    #expect(cursor.x < 80 - 3)
    let atStart = ScreenModel(
      id: "t", title: "T", items: [.field(FieldModel(label: "URL", display: long, cursor: 0))], focus: 0)
    #expect(text(ScreenRenderer.render(atStart, width: 80, height: 24)).contains("[https://aaa"))
  }

  @Test func aTallBodyScrollsToKeepTheFocusedItemVisibleWithMarkers() {
    var items: [ScreenItem] = []
    for index in 1...40 { items.append(.choice(ChoiceModel(label: "Choice \(index)"))) }
    let top = ScreenModel(id: "t", title: "T", items: items, focus: 0)
    let topText = text(ScreenRenderer.render(top, width: 80, height: 24))
    #expect(topText.contains("› ○ Choice 1 "))
    #expect(topText.contains("↓ more"))
    #expect(!topText.contains("↑ more"))

    let bottom = ScreenModel(id: "t", title: "T", items: items, focus: 39)
    let bottomText = text(ScreenRenderer.render(bottom, width: 80, height: 24))
    #expect(bottomText.contains("› ○ Choice 40"))
    #expect(bottomText.contains("↑ more"))
    #expect(!bottomText.contains("↓ more"))
    #expect(!bottomText.contains("Choice 1 "))
  }

  @Test func aScrolledBodyMovesAsFarAsThereIsTextAndSaysHowFar() {
    var items: [ScreenItem] = []
    for index in 1...40 { items.append(.text("Line \(index)", .normal)) }
    var model = ScreenModel(id: "t", title: "T", items: items)
    let unscrolled = ScreenRenderer.render(model, width: 80, height: 24)
    #expect(text(unscrolled).contains("Line 1 "))
    #expect(unscrolled.scroll == 0)
    model.scroll = 12
    let down = ScreenRenderer.render(model, width: 80, height: 24)
    #expect(down.lines()[2].contains("Line 11 "))  // the body starts with a blank line
    #expect(!text(down).contains("Line 10 "))
    #expect(text(down).contains("↑ more"))
    #expect(text(down).contains("↓ more"))
    #expect(down.scroll == 12)
    model.scroll = 100
    let bottom = ScreenRenderer.render(model, width: 80, height: 24)
    #expect(bottom.scroll == 22)  // 42 body lines, 20 rows
    #expect(text(bottom).contains("Line 40"))
    #expect(!text(bottom).contains("↓ more"))
    model.scroll = -5
    #expect(ScreenRenderer.render(model, width: 80, height: 24).scroll == 0)
  }

  @Test func choicesShowSelectionFocusAndDetail() {
    let rendered = text(ScreenRenderer.render(SampleScreens.choices, width: 80, height: 24))
    #expect(rendered.contains("● Basic"))
    #expect(rendered.contains("› ○ OAuth client credentials  Machine-to-machine; no user."))
    #expect(rendered.contains("! OAuth arrives in the next release."))
  }

  @Test func disabledChoicesAreDimmed() {
    let frame = ScreenRenderer.render(SampleScreens.choices, width: 80, height: 24)
    let row = frame.lines().firstIndex { $0.contains("OAuth password grant") }!
    let column = Array(frame.lines()[row]).firstIndex(of: "O")!
    #expect(frame[column, row].style.dim)
  }

  @Test func checkLinesShowStatusElapsedAndRemedy() {
    let rendered = text(ScreenRenderer.render(SampleScreens.checks, width: 80, height: 24))
    #expect(rendered.contains("✓ URL  https://dev12345.service-now.com"))
    #expect(rendered.contains("✗ Sign in  401 Unauthorized"))
    #expect(rendered.contains("1.2s"))
    #expect(rendered.contains("15s"))
    #expect(rendered.contains("2ms"))
    #expect(rendered.contains("→ Check the user name and password"))
    #expect(rendered.contains("– Proxy"))
    #expect(rendered.contains("· Token refresh"))
  }

  @Test func runningChecksAndProgressSpinWithTheProgressFrame() {
    var model = SampleScreens.checks
    for tick in 0..<12 {
      model.progress?.frame = tick
      let rendered = text(ScreenRenderer.render(model, width: 80, height: 24))
      let spinner = Spinner.frame(tick)
      #expect(rendered.contains("\(spinner) Table read"))
      #expect(rendered.contains("\(spinner) Reading a table…  12s"))
    }
    #expect(Spinner.frame(-1) == Spinner.frames.last)
    #expect(Set(Spinner.frames).count == 10)
  }

  @Test func messagesShowTheirSymbolTitleAndLines() {
    let model = ScreenModel(
      id: "t", title: "T",
      messages: [
        ScreenMessage(kind: .success, title: "Reachable", lines: ["ServiceNow answered."]),
        ScreenMessage(kind: .error, title: "Not reachable", lines: ["The name does not resolve."]),
      ])
    let rendered = text(ScreenRenderer.render(model, width: 80, height: 24))
    #expect(rendered.contains("✓ Reachable"))
    #expect(rendered.contains("    ServiceNow answered."))
    #expect(rendered.contains("✗ Not reachable"))
  }

  @Test func actionsLookLikeButtons() {
    let rendered = text(ScreenRenderer.render(SampleScreens.checks, width: 80, height: 24))
    #expect(rendered.contains("› [ Run checks again ]"))
  }

  @Test func helpIsACentredBoxOverTheScreenAndHidesTheCursor() {
    var model = SampleScreens.form
    model.help = HelpOverlay(
      title: "Help: credentials", lines: ["Tab moves between fields.", "Ctrl-R shows the password."])
    let frame = ScreenRenderer.render(model, width: 80, height: 24)
    let rendered = text(frame)
    #expect(rendered.contains("┌─ Help: credentials"))
    #expect(rendered.contains("│ Tab moves between fields."))
    #expect(frame.cursor == nil)
  }

  @Test func aDialogShowsItsQuestionAndOptions() {
    var model = SampleScreens.form
    model.dialog = Dialog(
      title: "Quit?", lines: ["Nothing has been saved."],
      options: [KeyHint("y", "Quit without saving"), KeyHint("n", "Keep going")])
    let frame = ScreenRenderer.render(model, width: 80, height: 24)
    let rendered = text(frame)
    #expect(rendered.contains("┌─ Quit?"))
    #expect(rendered.contains("Nothing has been saved."))
    #expect(rendered.contains("[y] Quit without saving   [n] Keep going"))
    #expect(frame.cursor == nil)
  }

  @Test func footerLeavesOutHintsThatDoNotFitWhole() {
    var model = SampleScreens.form
    model.hints = (1...20).map { KeyHint("K\($0)", "Action number \($0)") }
    let footer = ScreenRenderer.render(model, width: 60, height: 20).lines()[19]
    #expect(footer.hasSuffix("Action number 3"))
  }

  @Test func elapsedTimesAreShortAndReadable() {
    #expect(ScreenRenderer.formatMilliseconds(41) == "41ms")
    #expect(ScreenRenderer.formatMilliseconds(1234) == "1.2s")
    #expect(ScreenRenderer.formatMilliseconds(15_300) == "15s")
    #expect(ScreenRenderer.formatSeconds(12) == "12s")
    #expect(ScreenRenderer.formatSeconds(125) == "2m 05s")
  }
}
