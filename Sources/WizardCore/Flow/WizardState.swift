import Vocabulary

/// Everything the wizard knows: the screen, what was typed on every screen, work in flight.
///
/// Each screen keeps its own sub-state for the whole session, so going back never loses input.
/// Secrets are `Secret`, so printing or dumping a state shows masks.
public struct WizardState: Equatable, Sendable {
  public var screen: WizardScreen
  /// From `.start`; the welcome screen and the name check use them.
  public var savedProfiles: [ProfileChoice]
  public var welcome: WelcomeStep
  public var picker: ProfilePickerStep
  public var instance: InstanceStep
  public var authType: AuthTypeStep
  public var credentials: CredentialsStep
  /// OAuth client fields (every OAuth kind).
  public var oauthClient: OAuthClientStep
  /// OAuth token screen.
  public var token: TokenStep
  /// OAuth browser sign-in.
  public var authorization: AuthorizationStep
  public var test: TestStep
  public var save: SaveStep
  /// Set once the profile is saved.
  public var done: DoneStep?
  /// The diagnose screen's run, nil until a saved connection is diagnosed.
  public var diagnosis: DiagnoseStep? = nil
  /// "Create the OAuth client on the instance for me".
  public var oauthClientCreation = OAuthClientCreationStep()
  /// "Prepare for live agent transfer", nil until opened from the done screen.
  public var agentTransfer: AgentTransferStep? = nil
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
  /// How many operations were started so far: the serial of the latest `OperationID`.
  public var startedOperations: Int = 0
  /// What the last paste left out (a second line, spaces around it), shown until the next key.
  public var pasteNote: String? = nil
  /// Lines the body is scrolled from where the renderer would put it (negative: up), by
  /// PgUp/PgDn and by ↑/↓ where they move nothing else; 0 again on every other change.
  public var scroll: Int = 0
  /// Where things are saved and what the shell sets, from `.start`.
  public var context = WizardContext()

  public init(
    screen: WizardScreen = .welcome, savedProfiles: [ProfileChoice] = [],
    welcome: WelcomeStep = WelcomeStep(),
    picker: ProfilePickerStep = ProfilePickerStep(), instance: InstanceStep = InstanceStep(),
    authType: AuthTypeStep = AuthTypeStep(), credentials: CredentialsStep = CredentialsStep(),
    oauthClient: OAuthClientStep = OAuthClientStep(), token: TokenStep = TokenStep(),
    authorization: AuthorizationStep = AuthorizationStep(), test: TestStep = TestStep(),
    save: SaveStep = SaveStep(), done: DoneStep? = nil,
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
    self.oauthClient = oauthClient
    self.token = token
    self.authorization = authorization
    self.test = test
    self.save = save
    self.done = done
    self.editingProfileName = editingProfileName
    self.isHelpShown = isHelpShown
    self.isQuitDialogShown = isQuitDialogShown
    self.hasUnsavedChanges = hasUnsavedChanges
    self.activity = activity
  }

  /// The connection the current input describes, nil while the address is invalid or, for
  /// OAuth, while the token screen holds no tokens for the current client input.
  public var connectionDraft: ConnectionDraft? {
    guard case .success(let instance) = instance.normalised else { return nil }
    let auth: AuthDraft
    let kind = authType.selected ?? .basic
    if kind.isOAuth {
      guard let tokens = token.tokens, token.source == oauthClientDraft else { return nil }
      let draft = oauthClientDraft
      switch kind {
      case .jwtBearer:
        auth = .jwtBearer(
          client: draft.client, subject: draft.username, keyFile: draft.jwtKeyFile, keyID: draft.jwtKeyID,
          tokens: tokens)
      // None of these is OAuth, so none reaches here.
      case .basic, .oauthPassword, .apiKey, .certificate:
        auth = .oauthPassword(
          client: draft.client, username: draft.username, password: draft.password, tokens: tokens)
      case .oauthAuthorizationCode:
        auth = .oauthAuthorizationCode(client: draft.client, redirectURI: draft.redirectURI, tokens: tokens)
      case .oauthRefreshToken:
        auth = .oauthRefreshToken(client: draft.client, refreshToken: draft.refreshToken, tokens: tokens)
      case .oauthClientCredentials:
        auth = .oauthClientCredentials(client: draft.client, tokens: tokens)
      }
    } else if kind == .certificate {
      let passphrase = credentials.passphrase.secret
      auth = .certificate(
        ClientCertificate(
          certificateFile: credentials.certificateFile.text, keyFile: credentials.keyFile.text,
          passphrase: passphrase.isEmpty ? nil : passphrase))
    } else if kind == .apiKey {
      auth = .apiKey(key: credentials.apiKey.secret)
    } else {
      auth = .basic(username: credentials.username.text, password: credentials.password.secret)
    }
    return ConnectionDraft(instanceURL: instance.url, apiVersion: instance.apiVersion, auth: auth)
  }

  /// The OAuth client screen's input for the selected kind; fields the kind does not use are
  /// left empty, so input typed for another grant never travels.
  public var oauthClientDraft: OAuthClientDraft {
    let kind = authType.selected ?? .oauthPassword
    let fields = kind.clientFields
    let secret = oauthClient.clientSecret.secret
    let client = OAuthClient(
      clientID: oauthClient.clientID.text,
      clientSecret: secret.isEmpty && kind == .oauthAuthorizationCode ? nil : secret,
      scope: oauthClient.scope.text)
    return OAuthClientDraft(
      kind: kind, client: client,
      username: fields.contains(.username) ? oauthClient.username.text : "",
      password: fields.contains(.password) ? oauthClient.password.secret : .empty,
      refreshToken: fields.contains(.refreshToken) ? oauthClient.refreshToken.secret : .empty,
      redirectURI: fields.contains(.redirectURI) ? oauthClient.redirectURI.text : "",
      jwtKeyFile: fields.contains(.jwtKeyFile) ? oauthClient.jwtKeyFile.text.trimmingSpaces : "",
      jwtKeyID: fields.contains(.jwtKeyID) ? oauthClient.jwtKeyID.text.trimmingSpaces : "")
  }

  /// Whether the runtime should send `.tick` events now: work is in flight, or an access
  /// token's countdown is running.
  public var needsTicks: Bool {
    activity != nil || token.tokens != nil
  }
}
