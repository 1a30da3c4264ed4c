import Testing

@testable import WizardCore

/// A field has a bound: a paste of a whole file stops at 8 KiB.
@Suite struct TextInputBoundTests {
  @Test func aFieldStopsTakingCharactersAt8KiB() {
    var input = TextInput()
    for _ in 0..<20_000 { _ = input.apply(.character("é")) }
    #expect(input.text.utf8.count >= TextInput.maximumBytes)
    #expect(input.text.utf8.count < TextInput.maximumBytes + 4)
    #expect(input.isFull)
    let edited = input.apply(.backspace)
    #expect(edited)
    #expect(!input.isFull)
    var secret = SecretInput()
    for _ in 0..<10_000 { _ = secret.apply(.character("x")) }
    #expect(secret.secret.count == TextInput.maximumBytes)
  }
}
