import Vocabulary

extension WizardState {
  mutating func instanceKey(_ key: Key) -> [WizardEffect] {
    switch instance.probe {
    case .probing:
      if key == .escape { return cancelActivity() }
      return []
    case .finished:
      switch key {
      case .enter:
        go(to: .authType)
        return []
      case .escape:
        instance.probe = .idle
        return []
      default:
        break
      }
    case .idle:
      switch key {
      case .enter:
        switch instance.normalised {
        case .success(let address):
          instance.error = nil
          instance.probe = .probing(address)
          instance.singleSignOn = nil
          begin(.probe)
          return [.probeInstance(address.url)]
        case .failure(let error):
          instance.error = error
          return []
        }
      case .escape:
        go(to: .welcome)
        return []
      default:
        break
      }
    }
    let before = instance.input.text
    guard instance.input.apply(key), instance.input.text != before else { return [] }
    instance.normalised = InstanceURL.normalise(instance.input.text)
    instance.error = nil
    instance.probe = .idle
    hasUnsavedChanges = true
    return []
  }

  mutating func probeFinished(_ outcome: ProbeOutcome) -> [WizardEffect] {
    guard activity?.kind == .probe, case .probing(let address) = instance.probe else { return [] }
    activity = nil
    instance.probe = .finished(address, outcome)
    return []
  }

  /// The instance signs people in elsewhere: the browser sign-in becomes the first choice.
  mutating func singleSignOnFound(_ provider: IdentityProviderRedirect) -> [WizardEffect] {
    guard activity?.kind == .probe, case .probing = instance.probe else { return [] }
    instance.singleSignOn = provider
    if authType.selected == nil { authType.focus = .oauthAuthorizationCode }
    return []
  }

  /// The auth kinds in the order the auth-type screen offers them: the browser sign-in first
  /// when the instance uses single sign-on (a password then works only for a local user).
  var offeredAuthKinds: [AuthKind] {
    guard instance.singleSignOn != nil else { return AuthKind.allCases }
    return [.oauthAuthorizationCode] + AuthKind.allCases.filter { $0 != .oauthAuthorizationCode }
  }

  mutating func authTypeKey(_ key: Key) -> [WizardEffect] {
    let available = offeredAuthKinds.filter(\.isAvailable)
    switch key {
    case .up, .backTab:
      authType.focus = Self.step(available, from: authType.focus, by: -1)
    case .down, .tab:
      authType.focus = Self.step(available, from: authType.focus, by: 1)
    case .enter:
      guard authType.focus.isAvailable else { return [] }
      if authType.selected != authType.focus {
        hasUnsavedChanges = true
        oauthClient.focus = .clientID
        oauthClient.errors = [:]
        if let first = authType.focus.credentialFields.first { credentials.focus = first }
      }
      authType.selected = authType.focus
      go(to: signInScreen)
    case .escape:
      go(to: .instance)
    default:
      break
    }
    return []
  }
}
