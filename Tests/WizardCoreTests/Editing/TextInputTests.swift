import Testing
import Vocabulary

@testable import WizardCore

@Suite struct TextInputTests {
  /// Applies `key` and returns whether it was an editing key, outside of `#expect`.
  static func press(_ key: Key, _ input: inout TextInput) -> Bool {
    input.apply(key)
  }

  @Test func editsAroundTheCursorInCharacters() {
    var input = TextInput("né")
    #expect(input.cursor == 2)
    var handled = [Self.press(.left, &input), Self.press(.character("👍🏽"), &input)]
    #expect(input == TextInput("n👍🏽é", cursor: 2))
    handled.append(Self.press(.backspace, &input))
    #expect(input == TextInput("né", cursor: 1))
    handled.append(Self.press(.delete, &input))
    #expect(input == TextInput("n", cursor: 1))
    handled.append(Self.press(.delete, &input))
    #expect(input == TextInput("n", cursor: 1))
    handled += [Self.press(.home, &input), Self.press(.backspace, &input)]
    #expect(input == TextInput("n", cursor: 0))
    #expect(handled.allSatisfy { $0 })
    let ignored = [Self.press(.enter, &input), Self.press(.tab, &input), Self.press(.up, &input)]
    #expect(ignored == [false, false, false])
    #expect(input == TextInput("n", cursor: 0))
  }

  @Test func secretTextIsMaskedEverywhereButRevealed() {
    let secret = Secret("S3CR3T-SENTINEL")
    var dumped = ""
    dump(secret, to: &dumped)
    #expect(!"\(secret)".contains("S3CR3T"))
    #expect(!String(reflecting: secret).contains("S3CR3T"))
    #expect(!dumped.contains("S3CR3T"))
    #expect(secret.reveal() == "S3CR3T-SENTINEL")
    var input = SecretInput(secret)
    let handled = input.apply(.clearField)
    #expect(handled)
    #expect(input == SecretInput())
  }
}
