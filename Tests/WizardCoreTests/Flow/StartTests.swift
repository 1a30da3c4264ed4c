import Testing

@testable import WizardCore

@Suite struct StartTests {
  @Test func setupWithTheNameOfASavedProfileOpensItForEditing() {
    var store = TestStore()
    store.send(
      .start(savedProfiles: Fixtures.profiles, profileName: "dev12345"),
      effects: [.loadProfile(name: "dev12345")]
    ) {
      $0.savedProfiles = Fixtures.profiles
      $0.picker = ProfilePickerStep(purpose: .edit, focus: 1, isLoading: true)
      $0.begin(.loadProfile)
      $0.screen = .pickProfile
    }
  }

  @Test func startWithoutExtrasOnlyRecordsTheProfiles() {
    var store = TestStore()
    store.send(.start(savedProfiles: []))
  }
}
