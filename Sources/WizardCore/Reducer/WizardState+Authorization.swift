import Vocabulary

extension WizardState {
  static let pasteMissing = "Paste the address the browser ended on, or just the code."

  mutating func authorizationKey(_ key: Key) -> [WizardEffect] {
    switch authorization.status {
    case .idle:
      if key == .escape { go(to: .token) }
    case .starting, .exchanging:
      if key == .escape {
        let effects = cancelActivity()
        go(to: .token)
        return effects
      }
    case .waiting(let session):
      if authorization.isPasting { return pasteKey(key, session: session) }
      switch key {
      case .character("p"), .character("P"):
        authorization.isPasting = true
      case .character("c"), .character("C"):
        return [
          .showPlainText(
            "Open this address in a browser where you can sign in to the instance:\n\n"
              + session.authorizeURL.absoluteString + "\n\nAfter you allow access, the browser goes to "
              + "an address starting with the redirect URL; if it does not reach this machine, "
              + "copy that address and paste it in snowgate (p).")
        ]
      case .character("r"), .character("R"):
        return retryAuthorization()
      case .escape:
        let effects = cancelActivity()
        go(to: .token)
        return effects
      default:
        break
      }
    case .failed:
      switch key {
      case .character("r"), .character("R"):
        return retryAuthorization()
      case .enter:
        authorization = AuthorizationStep()
        go(to: .oauthClient)
      case .escape:
        authorization = AuthorizationStep()
        go(to: .token)
      default:
        break
      }
    }
    return []
  }

  private mutating func pasteKey(_ key: Key, session: AuthorizationSession) -> [WizardEffect] {
    switch key {
    case .enter:
      let pasted = authorization.pasted.text.trimmingSpaces
      guard !pasted.isEmpty else {
        authorization.pasteError = Self.pasteMissing
        return []
      }
      // A slip (another tab's address, an error page) keeps the field open for another try.
      if let problem = AuthorizationPaste.problem(pasted, authorizeURL: session.authorizeURL) {
        authorization.pasteError = problem
        return []
      }
      // The listener stops when the runtime takes the pasted code; the exchange is a token request.
      authorization.status = .exchanging(session)
      authorization.isPasting = false
      authorization.pasteError = nil
      activity = Activity(kind: .token)
      return [.completeAuthorization(pasted: pasted)]
    case .escape:
      authorization.isPasting = false
      authorization.pasteError = nil
    default:
      if Self.edit(&authorization.pasted, key) { authorization.pasteError = nil }
    }
    return []
  }

  /// r: ends this attempt and starts a new one (a new state, the browser opened again).
  private mutating func retryAuthorization() -> [WizardEffect] {
    let ended = cancelActivity()
    authorization = AuthorizationStep()
    go(to: .token)
    return ended + generateToken()
  }

  mutating func authorizationStarted(_ session: AuthorizationSession) -> [WizardEffect] {
    guard activity?.kind == .authorization, case .starting = authorization.status else { return [] }
    authorization.status = .waiting(session)
    // The countdown starts now, at the next tick.
    activity = Activity(kind: .authorization)
    return []
  }

  mutating func authorizationFailed(_ verdict: Verdict) -> [WizardEffect] {
    switch (activity?.kind, authorization.status) {
    case (.authorization, .starting), (.authorization, .waiting), (.token, .exchanging):
      activity = nil
      authorization = AuthorizationStep(status: .failed(verdict))
    default:
      break
    }
    return []
  }

  /// Seconds the listener still waits, by the latest tick; nil when not waiting.
  var authorizationSecondsLeft: Int? {
    guard case .waiting(let session) = authorization.status else { return nil }
    let elapsed = activity?.kind == .authorization ? activity?.elapsedSeconds ?? 0 : 0
    return max(0, session.timeoutSeconds - elapsed)
  }
}
