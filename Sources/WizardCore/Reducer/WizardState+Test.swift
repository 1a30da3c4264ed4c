extension WizardState {
  mutating func testKey(_ key: Key) -> [WizardEffect] {
    switch test.status {
    case .testing:
      if key == .escape { return cancelActivity() }
      return []
    case .idle:
      switch key {
      case .enter: return startTest()
      case .escape: go(to: screenBeforeTest)
      default: break
      }
    case .passed:
      switch key {
      case .character("r"), .character("R"): return startTest()
      case .enter: return enterSave(despiteFailedTest: false)
      case .escape: go(to: screenBeforeTest)
      default: break
      }
    case .failed(_, let verdict):
      let choices = TestFailureAction.choices(for: verdict)
      switch key {
      case .backTab:
        test.failureFocus = (test.failureFocus + choices.count - 1) % choices.count
      case .tab:
        test.failureFocus = (test.failureFocus + 1) % choices.count
      // ↑/↓ stop at the first and last choice; past them they scroll a long result.
      case .up:
        test.failureFocus = max(0, test.failureFocus - 1)
      case .down:
        test.failureFocus = min(choices.count - 1, test.failureFocus + 1)
      case .escape:
        go(to: screenBeforeTest)
      case .character("r"), .character("R"):
        return startTest()
      case .enter:
        switch choices[min(test.failureFocus, choices.count - 1)] {
        case .retry:
          return startTest()
        case .editCredentials:
          if signInScreen == .oauthClient {
            oauthClient.focus = .clientSecret
          } else {
            credentials.focus = credentialFields.last ?? .password
          }
          go(to: signInScreen)
        case .editInstance:
          go(to: .instance)
        case .saveAnyway:
          return enterSave(despiteFailedTest: true)
        }
      default:
        break
      }
    }
    return []
  }

  private mutating func startTest() -> [WizardEffect] {
    guard let draft = connectionDraft else {
      goToWhatIsMissing()
      return []
    }
    test = TestStep(status: .testing(draft))
    begin(.test)
    return [.testConnection(draft)]
  }

  /// A check started or finished: its line is replaced, or added after the others.
  mutating func checkProgress(_ update: CheckLineUpdate) -> [WizardEffect] {
    guard activity?.kind == .test, case .testing = test.status else { return [] }
    if let index = test.checks.firstIndex(where: { $0.id == update.id }) {
      test.checks[index] = update
    } else {
      test.checks.append(update)
    }
    return []
  }

  mutating func testFinished(_ outcome: TestOutcome) -> [WizardEffect] {
    guard activity?.kind == .test, case .testing(let draft) = test.status else { return [] }
    activity = nil
    switch outcome {
    case .passed(let report): test.status = .passed(draft, report)
    case .failed(let verdict): test.status = .failed(draft, verdict)
    }
    test.failureFocus = 0
    return []
  }
}
