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
      $0.activity = Activity(kind: .loadProfile)
      $0.screen = .pickProfile
    }
  }

  @Test func startWithoutExtrasOnlyRecordsTheProfiles() {
    var store = TestStore()
    store.send(.start(savedProfiles: []))
  }

  @Test func aNewNameSkipsTheWelcomeScreen() {
    var store = TestStore()
    store.send(.start(savedProfiles: Fixtures.profiles, profileName: "brand-new")) {
      $0.savedProfiles = Fixtures.profiles
      $0.save.name = TextInput("brand-new")
      $0.save.isNameEdited = true
      $0.screen = .instance
    }
  }

  @Test func theCommandLineFillsTheFieldsItNames() {
    var store = TestStore()
    let prefill = SetupPrefill(
      instance: "dev12345", authKind: .oauthPassword, username: "integration.user", clientID: "snowgate-demo")
    store.send(.start(savedProfiles: [], profileName: "prod", prefill: prefill)) {
      $0.save.name = TextInput("prod")
      $0.save.isNameEdited = true
      $0.instance = InstanceStep(text: "dev12345")
      $0.authType = AuthTypeStep(focus: .oauthPassword)
      $0.credentials.username = TextInput("integration.user")
      $0.oauthClient.username = TextInput("integration.user")
      $0.oauthClient.clientID = TextInput("snowgate-demo")
      $0.screen = .instance
    }
    #expect(
      screenModel(for: store.state).items.first.map { item in
        if case .field(let field) = item { return field.display == "dev12345" }
        return false
      } == true)
    store.send(.enter, effects: [.probeInstance(Fixtures.url)]) {
      $0.instance.probe = .probing(Fixtures.instance)
      $0.activity = Activity(kind: .probe)
    }
    store.send(.probeFinished(.reachable)) {
      $0.instance.probe = .finished(Fixtures.instance, .reachable)
      $0.activity = nil
    }
  }
}
