import Vocabulary

extension WizardState {
  mutating func handle(_ event: WizardEvent) -> [WizardEffect] {
    switch event {
    case .start(let savedProfiles, let prefilledInstance, let profileName, let prefill, let context):
      self.savedProfiles = savedProfiles
      self.context = context
      if let prefilledInstance { instance = InstanceStep(text: prefilledInstance) }
      guard let profileName else {
        if !prefill.isEmpty { apply(prefill) }
        return []
      }
      if let index = savedProfiles.firstIndex(where: { $0.name == profileName }) {
        // `snowgate setup NAME` for a saved (or half-finished) profile: open it for editing.
        picker = ProfilePickerStep(purpose: .edit, focus: index, isLoading: true)
        begin(.loadProfile)
        go(to: .pickProfile)
        return [.loadProfile(name: profileName)]
      }
      save.name = TextInput(profileName)
      save.isNameEdited = true
      // A new name: there is nothing to choose on the welcome screen.
      apply(prefill)
      return []
    case .key(let key):
      return handle(key)
    case .tick(let now):
      if token.tokens != nil {
        let origin = token.receivedAtTick ?? now
        token.receivedAtTick = origin
        token.secondsSinceReceipt = Int((now - origin).components.seconds)
      }
      guard var running = activity else { return [] }
      let startedAt = running.startedAt ?? now
      running.startedAt = startedAt
      running.frame += 1
      running.elapsedSeconds = Int((now - startedAt).components.seconds)
      activity = running
      return []
    case .probeFinished(let outcome):
      return probeFinished(outcome)
    case .singleSignOnFound(let provider):
      return singleSignOnFound(provider)
    case .result(let operation, let answer):
      // Only the operation in flight may answer: a cancelled or replaced one's late answer
      // would land in whatever runs now (a diagnosis's verdict in a newer test).
      guard activity?.id == operation else { return [] }
      return handle(answer)
    case .checkProgress(let update):
      return activity?.kind == .diagnose ? diagnosisProgress(update) : checkProgress(update)
    case .testFinished(let outcome):
      return activity?.kind == .diagnose ? diagnosisFinished(outcome) : testFinished(outcome)
    case .saveFinished(let outcome):
      return saveFinished(outcome)
    case .profileLoaded(let profile):
      return profileLoaded(profile)
    case .profileLoadFailed(let verdict):
      guard activity?.kind == .loadProfile else { return [] }
      activity = nil
      picker.isLoading = false
      picker.failure = verdict
      return []
    case .tokenFinished(let outcome):
      return tokenFinished(outcome)
    case .authorizationStarted(let authorizeURL, let listeningOn, let timeoutSeconds):
      return authorizationStarted(
        AuthorizationSession(
          authorizeURL: authorizeURL, listeningOn: listeningOn, timeoutSeconds: timeoutSeconds))
    case .authorizationFailed(let verdict):
      return authorizationFailed(verdict)
    case .brokenConfigMoved(let outcome):
      return brokenConfigMoved(outcome)
    case .keyringChecked(let problem):
      return keyringChecked(problem)
    case .adminChecked(let outcome):
      return adminChecked(outcome)
    case .oauthClientCreated(let outcome):
      return oauthClientCreated(outcome)
    case .agentTransferChecked(let outcome):
      return agentTransferChecked(outcome)
    case .scrollSettled(let lines):
      scroll = lines
      return []
    }
  }

  /// Fills the fields a command line gave and opens the instance screen.
  private mutating func apply(_ prefill: SetupPrefill) {
    if let text = prefill.instance { instance = InstanceStep(text: text) }
    if let kind = prefill.authKind { authType = AuthTypeStep(focus: kind) }
    if let username = prefill.username {
      credentials.username = TextInput(username)
      oauthClient.username = TextInput(username)
    }
    if let clientID = prefill.clientID { oauthClient.clientID = TextInput(clientID) }
    go(to: .instance)
  }

  /// Lines PgUp and PgDn move: most of a body at 80x24, so a line stays for context.
  static let scrollPage = 12

  private mutating func handle(_ key: Key) -> [WizardEffect] {
    pasteNote = nil
    switch key {
    case .pageUp where !isQuitDialogShown && !isHelpShown:
      scroll -= Self.scrollPage
      return []
    case .pageDown where !isQuitDialogShown && !isHelpShown:
      scroll += Self.scrollPage
      return []
    default:
      break
    }
    var key = key
    var note: String?
    if case .paste(let raw) = key {
      let line = PastedLine(raw.reveal())
      key = .paste(Secret(line.text))
      note = line.note
    }
    let before = self
    let effects = handleUnscrolled(key)
    if self == before && effects.isEmpty {
      // A key that changed nothing: ↑/↓ past the first or last choice scroll instead.
      if key == .up { scroll -= 1 }
      if key == .down { scroll += 1 }
    } else {
      scroll = 0
      if note != nil { pasteNote = note }
    }
    return effects
  }

  private mutating func handleUnscrolled(_ key: Key) -> [WizardEffect] {
    if isQuitDialogShown {
      switch key {
      case .character("y"), .character("Y"), .interrupt:
        isQuitDialogShown = false
        return cancelActivity() + draftEffects() + [.quit(.cancelled)]
      case .character("n"), .character("N"), .escape:
        isQuitDialogShown = false
      default:
        break
      }
      return []
    }
    if isHelpShown {
      isHelpShown = false
      guard key == .interrupt else { return [] }
    }
    switch key {
    case .help:
      isHelpShown = true
      return []
    case .interrupt:
      return requestQuit()
    default:
      break
    }
    switch screen {
    case .welcome: return welcomeKey(key)
    case .pickProfile: return pickerKey(key)
    case .instance: return instanceKey(key)
    case .authType: return authTypeKey(key)
    case .credentials: return credentialsKey(key)
    case .oauthClient: return oauthClientKey(key)
    case .token: return tokenKey(key)
    case .authorization: return authorizationKey(key)
    case .test: return testKey(key)
    case .save: return saveKey(key)
    case .done: return doneKey(key)
    case .diagnose: return diagnoseKey(key)
    case .createOAuthClient: return oauthClientCreationKey(key)
    case .agentTransfer: return agentTransferKey(key)
    }
  }

  /// Starts an operation of `kind`: the work in flight from now on, with a new identity.
  mutating func begin(_ kind: OperationKind) {
    startedOperations += 1
    activity = Activity(kind: kind, serial: startedOperations)
  }

  /// Ctrl-C, Quit on welcome, Esc on welcome: leave at once unless something would be lost.
  mutating func requestQuit() -> [WizardEffect] {
    if screen == .done { return [.quit(.success)] }
    if hasUnsavedChanges {
      isQuitDialogShown = true
      return []
    }
    return cancelActivity() + [.quit(.cancelled)]
  }

  /// Ends the work in flight, if any, and says so to the runtime.
  mutating func cancelActivity() -> [WizardEffect] {
    guard let running = activity else { return [] }
    activity = nil
    switch running.kind {
    case .probe: instance.probe = .idle
    case .test: test = TestStep()
    case .diagnose: break
    case .save: save.isSaving = false
    case .loadProfile: picker.isLoading = false
    case .token:
      if case .exchanging = authorization.status { authorization = AuthorizationStep() }
      if token.status == .requesting { token.status = .idle }
    case .authorization: authorization = AuthorizationStep()
    case .moveAside: save.isSaving = false
    case .instanceSetup: instanceSetupCancelled()
    }
    return [.cancel(running.kind)]
  }

  /// Moves to a screen. A revealed secret is hidden again whenever its screen is left.
  mutating func go(to next: WizardScreen) {
    if next != screen {
      scroll = 0
      credentials.isPasswordRevealed = false
      oauthClient.revealed = nil
    }
    screen = next
  }

  /// The screen where the sign-in is typed: Basic credentials or the OAuth client.
  var signInScreen: WizardScreen {
    let kind = authType.selected ?? .basic
    return kind.isOAuth ? .oauthClient : .credentials
  }

  /// The screen before the test: Basic credentials or the OAuth token screen.
  var screenBeforeTest: WizardScreen {
    let kind = authType.selected ?? .basic
    return kind.isOAuth ? .token : .credentials
  }

  /// Where to go when no connection draft can be made: the address, or the OAuth token screen.
  mutating func goToWhatIsMissing() {
    if case .success = instance.normalised, signInScreen == .oauthClient {
      enterToken()
    } else {
      go(to: .instance)
    }
  }
}
