import Testing
import Vocabulary

@testable import WizardCore

/// A bracketed paste arrives as one event; a one-line field keeps its first line, trimmed.
@Suite struct PasteTests {
  @Test func aPasteIsCutToItsFirstLineWithoutSpacesAndSaysWhat() {
    #expect(PastedLine("snowgate-demo") == PastedLine(text: "snowgate-demo", note: nil))
    #expect(PastedLine("snowgate-demo\n").note == nil)
    #expect(
      PastedLine("  snowgate-demo  ")
        == PastedLine(text: "snowgate-demo", note: "Left out the spaces around the pasted text."))
    #expect(
      PastedLine("\nfirst\r\nsecond\nthird\n\n")
        == PastedLine(text: "first", note: "Pasted the first line only; 2 more lines were left out."))
    #expect(
      PastedLine(" a\u{1B}b\tc \nS3CR3T-SENTINEL")
        == PastedLine(
          text: "ab c",
          note:
            "Pasted the first line only; 1 more line was left out. Left out the spaces around the pasted text."
        ))
    #expect(PastedLine("").text.isEmpty)
  }

  @Test func aPastedClientIDWithSpacesIsTrimmedWithANote() {
    var state = OAuthFixtures.state(.oauthPassword, on: .oauthClient)
    state.oauthClient.clientID = TextInput()
    var store = TestStore(state)
    store.send(.paste(Secret("  snowgate-demo  "))) {
      $0.oauthClient.clientID = TextInput("snowgate-demo")
      $0.pasteNote = "Left out the spaces around the pasted text."
    }
    let model = screenModel(for: store.state)
    #expect(
      model.messages.first == ScreenMessage(kind: .info, title: "Left out the spaces around the pasted text.")
    )
    store.send(.character("x")) {
      $0.oauthClient.clientID = TextInput("snowgate-demox")
      $0.pasteNote = nil
    }
  }

  @Test func aLongMultiLinePasteIsOneEventAndNeverShowsWhatWasDropped() {
    var state = OAuthFixtures.state(.oauthPassword, on: .oauthClient)
    state.oauthClient.focus = .clientSecret
    state.oauthClient.clientSecret = SecretInput()
    let secret = String(repeating: "k", count: 3000)
    var store = TestStore(state)
    store.send(.paste(Secret(secret + "\nS3CR3T-SENTINEL-second-line\n"))) {
      $0.oauthClient.clientSecret = SecretInput(Secret(secret))
      $0.pasteNote = "Pasted the first line only; 1 more line was left out."
    }
    #expect(!OAuthFixtures.text(of: store.state).contains("S3CR3T-SENTINEL-second-line"))
  }

  @Test func aPasteWhereNothingIsEditableChangesNothing() {
    var store = TestStore(Fixtures.state(on: .authType))
    store.send(.paste(Secret("hello\nworld")))
  }
}
