import Testing
import Vocabulary

@testable import WizardCore

/// The editing keys a shell user's fingers know: Ctrl-A/E/U/K/W, Alt-B/F, Alt-Backspace.
@Suite struct ReadlineKeysTests {
  static func press(_ keys: [Key], _ input: inout TextInput) -> [Bool] {
    keys.map { input.apply($0) }
  }

  @Test func wordMovesStopAtTheStartAndEndOfWords() {
    var input = TextInput("https://dev1.service-now.com")
    var handled = Self.press([.wordLeft], &input)
    #expect(input.cursor == 25)  // before "com"
    handled += Self.press([.wordLeft, .wordLeft], &input)
    #expect(input.cursor == 13)  // before "service"
    handled += Self.press([.wordRight], &input)
    #expect(input.cursor == 20)  // after "service"
    handled += Self.press([.home, .wordRight], &input)
    #expect(input.cursor == 5)  // after "https"
    handled += Self.press([.end, .wordRight], &input)
    #expect(input.cursor == 28)
    handled += Self.press([.home, .wordLeft], &input)
    #expect(input.cursor == 0)
    #expect(handled.allSatisfy { $0 })
  }

  @Test func killKeysDeleteToEitherEndAndWordBackward() {
    var input = TextInput("admin user name", cursor: 10)  // after "admin user"
    _ = Self.press([.deleteWordBackward], &input)
    #expect(input == TextInput("admin  name", cursor: 6))
    _ = Self.press([.deleteToEnd], &input)
    #expect(input == TextInput("admin ", cursor: 6))
    _ = Self.press([.deleteWordBackward], &input)
    #expect(input == TextInput("", cursor: 0))
    input = TextInput("dev12345.service-now.com", cursor: 8)
    _ = Self.press([.deleteToStart], &input)
    #expect(input == TextInput(".service-now.com", cursor: 0))
    _ = Self.press([.deleteToStart, .deleteWordBackward], &input)
    #expect(input == TextInput(".service-now.com", cursor: 0))
    _ = Self.press([.end, .deleteToEnd], &input)
    #expect(input == TextInput(".service-now.com"))
  }

  @Test func aPasteIsInsertedAtTheCursorInOneEdit() {
    var input = TextInput("dev.com", cursor: 3)
    let handled = input.apply(.paste(Secret("12345.service-now")))
    #expect(handled)
    #expect(input == TextInput("dev12345.service-now.com", cursor: 20))
  }

  @Test func secretsTakeTheSameKeys() {
    var input = SecretInput(Secret("S3CR3T-SENTINEL word"))
    var handled = [input.apply(.deleteWordBackward)]
    #expect(input.secret.reveal() == "S3CR3T-SENTINEL ")
    handled.append(input.apply(.wordLeft))
    #expect(input.cursor == 7)
    handled.append(input.apply(.deleteToStart))
    #expect(input.secret.reveal() == "SENTINEL ")
    #expect(handled == [true, true, true])
  }

  @Test func theInstanceFieldEditsWithReadlineKeys() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345.service-now.com")
    var store = TestStore(state)
    store.send(.wordLeft) { $0.instance.input.cursor = 21 }
    store.send(.deleteWordBackward) {
      $0.instance.input = TextInput("dev12345.service-com", cursor: 17)
      $0.instance.normalised = InstanceURL.normalise("dev12345.service-com")
      $0.hasUnsavedChanges = true
    }
    store.send(.deleteToEnd) {
      $0.instance.input = TextInput("dev12345.service-", cursor: 17)
      $0.instance.normalised = InstanceURL.normalise("dev12345.service-")
    }
    store.send(.home) { $0.instance.input.cursor = 0 }
    store.send(.wordRight) { $0.instance.input.cursor = 8 }
    store.send(.deleteToStart) {
      $0.instance.input = TextInput(".service-", cursor: 0)
      $0.instance.normalised = InstanceURL.normalise(".service-")
    }
  }
}
