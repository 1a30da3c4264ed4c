import Testing

@testable import WizardCore

@Suite struct ScreenModelTests {
  @Test func secretFieldCarriesOnlyWhatItIsGiven() {
    let field = FieldModel(label: "Password", display: "••••", cursor: 4, isSecret: true)
    #expect(field.display == "••••")
    #expect(field.isRevealed == false)
  }
}
