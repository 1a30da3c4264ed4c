import Testing
import WizardCore

@testable import TerminalUI

@Suite struct PlainTerminalTests {
  private let plain = PlainTerminal()
  private static let boxCharacters = Set("┌┐└┘─│├┤┬┴┼")

  @Test func outputHasNoBoxCharactersAndListsEveryChoice() {
    let text = plain.render(SampleScreens.choices)
    #expect(!text.contains { Self.boxCharacters.contains($0) })
    #expect(text.contains("snowgate: Authentication (Step 3 of 6)"))
    #expect(text.contains("  1) Basic - User name and password on every request. (selected)"))
    #expect(text.contains("2) OAuth password grant"))
    #expect(text.contains("(not available)"))
    #expect(text.contains("> 3) OAuth client credentials - Machine-to-machine; no user."))
    #expect(text.contains("Warning: OAuth arrives in the next release."))
  }

  @Test func everyScreenKindRendersWithoutBoxesOrEscapes() {
    for model in [SampleScreens.form, SampleScreens.choices, SampleScreens.checks] {
      let text = plain.render(model)
      #expect(!text.contains { Self.boxCharacters.contains($0) })
      #expect(!text.contains("\u{1B}"))
      #expect(text.hasSuffix("\n"))
    }
  }

  @Test func fieldsAreLabelledPromptsShowingOnlyTheirDisplay() {
    var model = SampleScreens.form
    model.items[1] = .field(FieldModel(label: "Password", display: "••••", cursor: 4, isSecret: true))
    let text = plain.render(model)
    #expect(text.contains("  User name: admin"))
    #expect(text.contains("> Password: ••••"))
    #expect(text.contains("Instance: (empty; for example dev12345.service-now.com)"))
    #expect(!text.contains("S3CR3T"))
    #expect(plain.prompt(for: model) == "Password [keep]: ")
  }

  @Test func checksSayTheirStatusInWords() {
    let text = plain.render(SampleScreens.checks)
    #expect(text.contains("[PASS] URL - https://dev12345.service-now.com (2ms)"))
    #expect(text.contains("[FAIL] Sign in - 401 Unauthorized (1.2s)"))
    #expect(text.contains("What to do: Check the user name and password"))
    #expect(text.contains("Working: Reading a table… (12s)"))
  }

  @Test func aNumberAnswerMovesTheFocusToThatChoiceAndPicksIt() {
    let model = SampleScreens.choices  // focus on the third choice
    #expect(plain.keys(forAnswer: "1", in: model) == [.up, .up, .enter])
    #expect(plain.keys(forAnswer: "3", in: model) == [.enter])
    #expect(plain.keys(forAnswer: "9", in: model) == [])
    #expect(plain.keys(forAnswer: "", in: model) == [.enter])
    #expect(plain.keys(forAnswer: ":back", in: model) == [.escape])
    #expect(plain.keys(forAnswer: ":quit", in: model) == [.interrupt])
    // Off a field, one letter is the screen's shortcut key; longer words are nothing.
    #expect(plain.keys(forAnswer: "a", in: model) == [.character("a")])
    #expect(plain.keys(forAnswer: "abc", in: model) == [])
  }

  @Test func anAnswerOnAFieldReplacesItsValueAndEnterKeepsIt() {
    #expect(plain.keys(forAnswer: "", in: SampleScreens.form) == [.enter])
    #expect(
      plain.keys(forAnswer: "ab", in: SampleScreens.form) == [
        .clearField, .character("a"), .character("b"), .enter,
      ])
  }

  @Test func aDialogIsAnsweredByItsKey() {
    var model = SampleScreens.form
    model.dialog = Dialog(
      title: "Quit?", lines: ["Nothing is saved."], options: [KeyHint("y", "Quit"), KeyHint("n", "Stay")])
    #expect(plain.render(model).contains("  y) Quit\n  n) Stay"))
    #expect(plain.prompt(for: model) == "Answer (y/n): ")
    #expect(plain.keys(forAnswer: "y", in: model) == [.character("y")])
  }
}
