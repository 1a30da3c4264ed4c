import Vocabulary

extension WizardState {
  /// The welcome choices that can be picked now: editing and diagnosing need a saved profile.
  /// Half-finished setups can be resumed but not diagnosed.
  var enabledWelcomeChoices: [WelcomeChoice] {
    if savedProfiles.isEmpty { return [.newConnection, .quit] }
    if !savedProfiles.contains(where: \.isComplete) { return [.newConnection, .editSaved, .quit] }
    return WelcomeChoice.allCases
  }

  mutating func welcomeKey(_ key: Key) -> [WizardEffect] {
    switch key {
    case .up, .backTab:
      welcome.focus = Self.step(enabledWelcomeChoices, from: welcome.focus, by: -1)
    case .down, .tab:
      welcome.focus = Self.step(enabledWelcomeChoices, from: welcome.focus, by: 1)
    case .escape:
      return requestQuit()
    case .enter:
      switch welcome.focus {
      case .newConnection:
        if editingProfileName != nil {
          // A fresh setup must not inherit a loaded profile's values or its name.
          let profiles = savedProfiles
          self = WizardState(savedProfiles: profiles)
        }
        go(to: .instance)
      case .editSaved:
        picker = ProfilePickerStep(purpose: .edit)
        go(to: .pickProfile)
      case .diagnoseSaved:
        picker = ProfilePickerStep(purpose: .diagnose)
        go(to: .pickProfile)
      case .quit:
        return requestQuit()
      }
    default:
      break
    }
    return []
  }

  mutating func pickerKey(_ key: Key) -> [WizardEffect] {
    if picker.isLoading {
      if key == .escape { return cancelActivity() }
      return []
    }
    let count = savedProfiles.count
    switch key {
    case .up, .backTab:
      if count > 0 { picker.focus = (picker.focus + count - 1) % count }
    case .down, .tab:
      if count > 0 { picker.focus = (picker.focus + 1) % count }
    case .escape:
      picker.failure = nil
      go(to: .welcome)
    case .enter:
      guard savedProfiles.indices.contains(picker.focus) else { return [] }
      let name = savedProfiles[picker.focus].name
      switch picker.purpose {
      case .edit:
        picker.isLoading = true
        picker.failure = nil
        begin(.loadProfile)
        return [.loadProfile(name: name)]
      case .diagnose:
        guard savedProfiles[picker.focus].isComplete else {
          picker.failure = Verdict(
            code: "profile.unfinished",
            summary: "\(name) is an unfinished setup; there is nothing to check yet.",
            remedies: ["Finish it first: Esc, then Edit or resume a saved connection."])
          return []
        }
        return startDiagnosis(of: name)
      }
    default:
      break
    }
    return []
  }

  mutating func profileLoaded(_ profile: SavedProfile) -> [WizardEffect] {
    guard activity?.kind == .loadProfile else { return [] }
    activity = nil
    picker.isLoading = false
    instance = InstanceStep(text: profile.instance)
    let kind = profile.authType ?? .basic
    authType = AuthTypeStep(focus: kind, selected: profile.authType)
    credentials =
      kind.isOAuth
      ? CredentialsStep()
      : CredentialsStep(
        username: TextInput(profile.username ?? ""),
        password: SecretInput(profile.secrets.password ?? .empty),
        focus: kind.credentialFields.first ?? .username)
    credentials.apiKey = SecretInput(profile.secrets.apiKey ?? .empty)
    credentials.certificateFile = TextInput(profile.clientCertificateFile ?? "")
    credentials.keyFile = TextInput(profile.clientKeyFile ?? "")
    credentials.passphrase = SecretInput(profile.secrets.keyPassphrase ?? .empty)
    let isOAuth = kind.isOAuth
    oauthClient = OAuthClientStep(
      clientID: TextInput(profile.clientID ?? ""),
      clientSecret: SecretInput(profile.secrets.clientSecret ?? .empty),
      username: TextInput(isOAuth ? profile.username ?? "" : ""),
      password: SecretInput(isOAuth ? profile.secrets.password ?? .empty : .empty),
      refreshToken: SecretInput(profile.secrets.refreshToken ?? .empty),
      redirectURI: TextInput(profile.redirectURI ?? OAuthClientStep.defaultRedirectURI),
      scope: TextInput(profile.scope ?? ""))
    oauthClient.jwtKeyFile = TextInput(profile.jwtKeyFile ?? "")
    oauthClient.jwtKeyID = TextInput(profile.jwtKeyID ?? "")
    token = TokenStep()
    authorization = AuthorizationStep()
    test = TestStep()
    save = SaveStep(name: TextInput(profile.name), isNameEdited: true)
    switch profile.secretStore ?? .file {
    case .file: save.store = .file
    case .command(let argv):
      save.store = .command
      save.command = TextInput(argv.joined(separator: " "))
    case .environment: save.store = .environment
    case .ask: save.store = .ask
    case .keyring: save.store = .keyring
    }
    // The profile's store was chosen when it was saved; editing keeps it without asking again.
    // A half-finished setup's store was never confirmed by a save.
    save.isStoreChosen = profile.resumeAt == nil
    save.isFileAgreed = profile.resumeAt == nil && save.store == .file
    done = nil
    editingProfileName = profile.name
    hasUnsavedChanges = false
    go(to: .instance)
    if let resumeAt = profile.resumeAt, diagnosis?.fixing == nil {
      go(to: resumeScreen(resumeAt, kind: profile.authType))
      if screen == .oauthClient, let kind = profile.authType {
        // The first field still to type (a template has the client ID, not the secret).
        oauthClient.focus =
          kind.clientFields.first { oauthClientProblem($0, kind: kind) != nil } ?? oauthClient.focus
      }
    }
    // Opened from a failed diagnosis: straight to the screen that fixes it.
    if let fixing = diagnosis?.fixing {
      diagnosis = nil
      if fixing == .editCredentials, let kind = authType.selected {
        go(to: signInScreen)
        if kind.isOAuth {
          oauthClient.focus = .clientSecret
        } else if kind == .certificate {
          credentials.focus = .certificateFile
        } else {
          credentials.focus = kind.credentialFields.last ?? .password
        }
      }
    }
    return []
  }

  /// Where a resumed setup reopens: the screen it stopped at, unless that screen needs what a
  /// draft does not keep (an auth kind, or tokens, which are asked for again on the token screen).
  func resumeScreen(_ stopped: WizardScreen, kind: AuthKind?) -> WizardScreen {
    guard let kind else { return stopped == .instance ? .instance : .authType }
    switch stopped {
    case .credentials, .oauthClient:
      return kind.isOAuth ? .oauthClient : .credentials
    case .token, .authorization, .test, .save:
      return kind.isOAuth ? .token : .credentials
    default: return stopped
    }
  }

  mutating func doneKey(_ key: Key) -> [WizardEffect] {
    switch key {
    case .enter, .escape, .character("q"), .character("Q"):
      return [.quit(.success)]
    case .character("a"), .character("A"):
      // The practice instance of `snowgate demo` has no setup to prepare.
      return context.practice == nil ? openAgentTransfer() : []
    default:
      return []
    }
  }

  /// The next element of `choices` after `current` (wrapping), or the first when `current` is absent.
  static func step<T: Equatable>(_ choices: [T], from current: T, by offset: Int) -> T {
    guard let index = choices.firstIndex(of: current) else { return choices[0] }
    return choices[(index + offset + choices.count) % choices.count]
  }
}
