import Foundation
import Testing
import Vocabulary

@testable import WizardCore

@Suite struct DraftOnQuitTests {
  @Test func quittingAnOAuthSetupKeepsADraftWithoutSecrets() {
    var state = OAuthFixtures.withTokens(.oauthPassword, on: .token)
    state.oauthClient.scope = TextInput("useraccount")
    var store = TestStore(state)
    let draft = SetupDraft(
      name: "dev12345", instanceURL: URL(string: "https://dev12345.service-now.com")!,
      authType: .oauthPassword,
      clientID: "client-1", username: "admin", scope: "useraccount", step: "token")
    store.send(.interrupt) { $0.isQuitDialogShown = true }
    #expect(
      screenModel(for: store.state).dialog?.lines.first
        == "It is kept as an unfinished setup, without its secrets;")
    store.send(.character("y"), effects: [.saveDraft(draft), .quit(.cancelled)]) {
      $0.isQuitDialogShown = false
    }
    #expect(!"\(draft)".contains("S3CR3T"))
    var text = ""
    dump(draft, to: &text)
    #expect(!text.contains("S3CR3T"))
  }

  @Test func theBrowserFlowDraftKeepsItsRedirectAndATypedName() {
    var state = OAuthFixtures.state(.oauthAuthorizationCode, on: .oauthClient)
    state.save.name = TextInput("lab")
    state.save.isNameEdited = true
    state.save.store = .command
    state.save.command = TextInput("pass show lab")
    state.isQuitDialogShown = true
    var store = TestStore(state)
    let draft = SetupDraft(
      name: "lab", instanceURL: URL(string: "https://dev12345.service-now.com")!,
      authType: .oauthAuthorizationCode,
      clientID: "client-1", redirectURI: OAuthClientStep.defaultRedirectURI,
      secretStore: .command(["pass", "show", "lab"]), step: "oauth-client")
    store.send(.interrupt, effects: [.saveDraft(draft), .quit(.cancelled)]) { $0.isQuitDialogShown = false }
  }

  @Test func aJWTBearerDraftKeepsTheKeyFileTheKidAndTheSubjectButNoSecret() throws {
    var state = OAuthFixtures.state(.jwtBearer, on: .oauthClient)
    state.isQuitDialogShown = true
    var store = TestStore(state)
    var draft = SetupDraft(
      name: "dev12345", instanceURL: URL(string: "https://dev12345.service-now.com")!, authType: .jwtBearer,
      clientID: "client-1", username: "admin", step: "oauth-client")
    draft.jwtKeyFile = "/home/ada/.snowgate/jwt.pem"
    draft.jwtKeyID = "kid-1"
    store.send(.interrupt, effects: [.saveDraft(draft), .quit(.cancelled)]) { $0.isQuitDialogShown = false }
    var text = ""
    dump(draft, to: &text)
    #expect(!text.contains("S3CR3T"))
  }

  @Test func quittingWhileTheBrowserWaitsCancelsItThenKeepsTheDraft() {
    var state = OAuthFixtures.state(.oauthAuthorizationCode, on: .authorization)
    state.authorization.status = .waiting(OAuthFixtures.session)
    state.activity = Activity(kind: .authorization)
    state.isQuitDialogShown = true
    var store = TestStore(state)
    guard let draft = state.draftSummary else {
      Issue.record("no draft")
      return
    }
    store.send(.character("y"), effects: [.cancel(.authorization), .saveDraft(draft), .quit(.cancelled)]) {
      $0.isQuitDialogShown = false
      $0.authorization = AuthorizationStep()
      $0.activity = nil
    }
  }

  @Test func nothingIsKeptBeforeTheInstanceStepIsDone() {
    var state = WizardState(screen: .instance)
    state.instance = InstanceStep(text: "dev12345")
    state.hasUnsavedChanges = true
    var store = TestStore(state)
    store.send(.interrupt) { $0.isQuitDialogShown = true }
    store.send(.character("y"), effects: [.quit(.cancelled)]) { $0.isQuitDialogShown = false }
  }

  @Test func aQuitBeforeChoosingTheAuthKindKeepsTheAddressOnly() {
    var state = Fixtures.state(on: .authType)
    state.authType = AuthTypeStep()
    #expect(
      state.draftSummary
        == SetupDraft(
          name: "dev12345", instanceURL: URL(string: "https://dev12345.service-now.com")!, authType: nil,
          step: "auth-type"))
  }

  @Test func editingACompleteProfileNeverTurnsItIntoADraft() {
    var state = Fixtures.state(on: .credentials, profiles: Fixtures.profiles)
    state.editingProfileName = "prod"
    state.isQuitDialogShown = true
    var store = TestStore(state)
    store.send(.character("y"), effects: [.quit(.cancelled)]) { $0.isQuitDialogShown = false }
  }

  @Test func aResumedDraftIsReplacedByTheNewDraft() {
    let profiles = [
      ProfileChoice(name: "half", instance: "https://dev12345.service-now.com", isComplete: false)
    ]
    var state = Fixtures.state(on: .credentials, profiles: profiles)
    state.editingProfileName = "half"
    state.save = SaveStep(name: TextInput("half"), isNameEdited: true)
    #expect(
      state.draftSummary
        == SetupDraft(
          name: "half", instanceURL: URL(string: "https://dev12345.service-now.com")!, authType: .basic,
          username: "admin", step: "credentials"))
  }

  @Test func theWelcomeScreenListsDraftsForResumingButNotForDiagnosis() {
    let half = ProfileChoice(name: "half", instance: "https://dev1.service-now.com", isComplete: false)
    var store = TestStore(WizardState(savedProfiles: [half]))
    let model = screenModel(for: store.state)
    #expect(
      model.items[1]
        == .choice(
          ChoiceModel(
            label: "Edit or resume a saved connection",
            detail: "Change or finish one (1 unfinished).")))
    #expect(
      model.items[2]
        == .choice(
          ChoiceModel(
            label: "Diagnose a saved connection", detail: "No saved connections yet.", isEnabled: false)))
    store.send(.down) { $0.welcome.focus = .editSaved }
    store.send(.down) { $0.welcome.focus = .quit }
    store.send(.up) { $0.welcome.focus = .editSaved }
    store.send(.enter) {
      $0.picker = ProfilePickerStep(purpose: .edit)
      $0.screen = .pickProfile
    }
    #expect(
      screenModel(for: store.state).items
        == [.choice(ChoiceModel(label: "half", detail: "https://dev1.service-now.com · unfinished"))])
    store.send(.enter, effects: [.loadProfile(name: "half")]) {
      $0.picker.isLoading = true
      $0.begin(.loadProfile)
    }
  }

  @Test func diagnosingADraftSaysToFinishItFirst() {
    let profiles =
      Fixtures.profiles + [
        ProfileChoice(name: "half", instance: "https://dev1.service-now.com", isComplete: false)
      ]
    var state = WizardState(screen: .pickProfile, savedProfiles: profiles)
    state.picker = ProfilePickerStep(purpose: .diagnose, focus: 2)
    var store = TestStore(state)
    store.send(.enter) {
      $0.picker.failure = Verdict(
        code: "profile.unfinished", summary: "half is an unfinished setup; there is nothing to check yet.",
        remedies: ["Finish it first: Esc, then Edit or resume a saved connection."])
    }
    store.send(.up) { $0.picker.focus = 1 }
    store.send(.enter, effects: [.diagnose(profileName: "dev12345")]) {
      $0.diagnosis = DiagnoseStep(profileName: "dev12345")
      $0.begin(.diagnose)
      $0.screen = .diagnose
    }
  }

  @Test func aLoadedOAuthProfileFillsTheClientScreen() {
    var state = WizardState(screen: .pickProfile, savedProfiles: Fixtures.profiles)
    state.picker.isLoading = true
    state.activity = Activity(kind: .loadProfile)
    var store = TestStore(state)
    let saved = SavedProfile(
      draft: SetupDraft(
        name: "prod", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .oauthRefreshToken,
        clientID: "client-1", scope: "useraccount", secretStore: .command(["pass", "show", "acme"])),
      clientSecret: Secret(OAuthFixtures.clientSecret), refreshToken: Secret(OAuthFixtures.refreshToken))
    store.send(.profileLoaded(saved)) {
      $0.picker.isLoading = false
      $0.activity = nil
      $0.instance = InstanceStep(text: "https://acme.service-now.com")
      $0.authType = AuthTypeStep(focus: .oauthRefreshToken, selected: .oauthRefreshToken)
      $0.oauthClient = OAuthClientStep(
        clientID: TextInput("client-1"), clientSecret: SecretInput(Secret(OAuthFixtures.clientSecret)),
        refreshToken: SecretInput(Secret(OAuthFixtures.refreshToken)), scope: TextInput("useraccount"))
      $0.save = SaveStep(
        name: TextInput("prod"), isNameEdited: true, store: .command, command: TextInput("pass show acme"))
      $0.save.isStoreChosen = true
      $0.editingProfileName = "prod"
      $0.screen = .instance
    }
    store.send(.enter, effects: [.probeInstance(URL(string: "https://acme.service-now.com")!)]) {
      $0.instance.probe = .probing(try! InstanceURL.normalise("https://acme.service-now.com").get())
      $0.begin(.probe)
    }
  }

  @Test func aResumedDraftReopensAtItsStepWithEveryField() {
    let unfinished = ProfileChoice(
      name: "half", instance: "https://dev12345.service-now.com", authKind: .oauthPassword, isComplete: false)
    var state = WizardState(screen: .pickProfile, savedProfiles: Fixtures.profiles + [unfinished])
    state.picker.isLoading = true
    state.activity = Activity(kind: .loadProfile)
    var store = TestStore(state)
    let resumed = SavedProfile(
      draft: SetupDraft(
        name: "half", instanceURL: URL(string: "https://dev12345.service-now.com")!, apiVersion: "v2",
        authType: .oauthPassword, clientID: "client-1", username: "admin", scope: "useraccount",
        secretStore: .command(["pass", "show", "half"]), step: WizardScreen.token.draftWord))
    store.send(.profileLoaded(resumed)) {
      $0.picker.isLoading = false
      $0.activity = nil
      $0.instance = InstanceStep(text: "https://dev12345.service-now.com/api/now/v2")
      $0.authType = AuthTypeStep(focus: .oauthPassword, selected: .oauthPassword)
      $0.oauthClient = OAuthClientStep(
        clientID: TextInput("client-1"), username: TextInput("admin"), scope: TextInput("useraccount"))
      $0.save = SaveStep(
        name: TextInput("half"), isNameEdited: true, store: .command, command: TextInput("pass show half"))
      $0.editingProfileName = "half"
      $0.screen = .token
    }
    // Quitting again records the same step and keeps every field, the API version included.
    let again = store.state.draftSummary
    #expect(again?.step == "token")
    #expect(again?.apiVersion == "v2")
    #expect(again?.clientID == "client-1")
    #expect(again?.scope == "useraccount")
    #expect(again?.username == "admin")
    #expect(again?.secretStore == .command(["pass", "show", "half"]))
  }

  @Test func aDraftStoppedAfterItsSecretsReopensWhereTheyAreAskedAgain() {
    let state = WizardState()
    #expect(state.resumeScreen(.test, kind: .basic) == .credentials)
    #expect(state.resumeScreen(.save, kind: .oauthClientCredentials) == .token)
    #expect(state.resumeScreen(.oauthClient, kind: .oauthPassword) == .oauthClient)
    #expect(state.resumeScreen(.token, kind: nil) == .authType)
    #expect(WizardScreen(draftWord: "token") == .token)
    #expect(WizardScreen(draftWord: "from-a-newer-snowgate") == nil)
  }
}
