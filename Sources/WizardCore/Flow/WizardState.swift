/// Everything the wizard knows: the screen, what was typed on every screen, work in flight.
///
/// Each screen keeps its own sub-state for the whole session, so going back never loses input.
/// Secrets are `SecretText`, so printing or dumping a state shows masks.
public struct WizardState: Equatable, Sendable {
  public var screen: WizardScreen
  /// From `.start`; the welcome screen and the name check use them.
  public var savedProfiles: [ProfileSummary]
  public var welcome: WelcomeStep
  public var picker: ProfilePickerStep
  public var instance: InstanceStep
  public var authType: AuthTypeStep
  public var credentials: CredentialsStep
  public var test: TestStep
  public var save: SaveStep
  /// Set once the profile is saved.
  public var done: DoneStep?
  /// The saved profile being edited (its name), nil for a new one.
  public var editingProfileName: String?
  /// F1 help over the current screen.
  public var isHelpShown: Bool
  /// "Quit without saving?" after Ctrl-C with unsaved input.
  public var isQuitDialogShown: Bool
  /// Something was typed or chosen that is not saved yet.
  public var hasUnsavedChanges: Bool
  /// Work in flight (probe, test, save, load), nil when idle.
  public var activity: Activity?

  public init(
    screen: WizardScreen = .welcome, savedProfiles: [ProfileSummary] = [],
    welcome: WelcomeStep = WelcomeStep(),
    picker: ProfilePickerStep = ProfilePickerStep(), instance: InstanceStep = InstanceStep(),
    authType: AuthTypeStep = AuthTypeStep(), credentials: CredentialsStep = CredentialsStep(),
    test: TestStep = TestStep(), save: SaveStep = SaveStep(), done: DoneStep? = nil,
    editingProfileName: String? = nil, isHelpShown: Bool = false, isQuitDialogShown: Bool = false,
    hasUnsavedChanges: Bool = false, activity: Activity? = nil
  ) {
    self.screen = screen
    self.savedProfiles = savedProfiles
    self.welcome = welcome
    self.picker = picker
    self.instance = instance
    self.authType = authType
    self.credentials = credentials
    self.test = test
    self.save = save
    self.done = done
    self.editingProfileName = editingProfileName
    self.isHelpShown = isHelpShown
    self.isQuitDialogShown = isQuitDialogShown
    self.hasUnsavedChanges = hasUnsavedChanges
    self.activity = activity
  }

  /// The connection the current input describes, nil while the address is invalid.
  public var connectionDraft: ConnectionDraft? {
    guard case .success(let instance) = instance.normalised else { return nil }
    return ConnectionDraft(
      instanceURL: instance.url, apiVersion: instance.apiVersion,
      auth: .basic(username: credentials.username.text, password: credentials.password.secret))
  }
}
