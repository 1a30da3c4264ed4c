extension WizardState {
  /// The likely causes of a browser sign-in that never came back, for a timeout verdict
  /// that brings none of its own.
  static let authorizationTimeoutCauses = [
    "The redirect URL is not registered on the client: the instance then",
    "silently sends the browser to the first registered one. Add the URI.",
    "The browser runs on another machine (SSH): press p next time and",
    "paste the address it ended on.",
  ]

  func authorizationScreen() -> ScreenModel {
    let redirect = DisplayText.sanitised(oauthClientDraft.redirectURI)
    var items: [ScreenItem] = []
    var focus: Int?
    var messages: [ScreenMessage] = []
    var progress: ScreenProgress?
    var hints: [KeyHint]
    var intro =
      "Sign in to the instance in the browser and choose Allow. No browser opened? Open "
      + "the address below anywhere, or press p and paste where it sent you."
    switch authorization.status {
    case .idle, .starting:
      progress = ScreenProgress(label: "Starting the listener and the browser…")
      hints = [Hints.cancel, Hints.quit]
    case .waiting(let session):
      items = sessionItems(session, redirect: redirect)
      let left = ClockText.countdown(authorizationSecondsLeft ?? 0)
      progress = ScreenProgress(label: "Waiting for the browser… \(left) left")
      if authorization.isPasting {
        intro =
          "Paste the address the browser ended on (even an error page), or just the code "
          + "in it. snowgate checks its state before using it."
        focus = items.count
        items.append(
          .field(
            FieldModel(
              label: "Address or code", display: DisplayText.sanitised(authorization.pasted.text),
              cursor: authorization.pasted.cursor, placeholder: redirect + "?code=…&state=…",
              error: authorization.pasteError)))
        hints = [KeyHint("Enter", "Use it"), KeyHint("Esc", "Back to waiting"), Hints.help, Hints.quit]
      } else {
        hints = [
          KeyHint("p", "Paste the URL"), KeyHint("c", "Copy link"), KeyHint("r", "Retry"), Hints.cancel,
          Hints.help, Hints.quit,
        ]
      }
    case .exchanging(let session):
      items = sessionItems(session, redirect: redirect)
      progress = ScreenProgress(label: "Trading the code for a token…")
      hints = [Hints.cancel, Hints.quit]
    case .failed(let verdict):
      intro = "The browser sign-in did not finish; nothing was saved."
      var lines = verdict.remedies
      if lines.isEmpty && verdict.code.hasSuffix("timeout") { lines = Self.authorizationTimeoutCauses }
      messages.append(ScreenMessage(kind: .error, title: verdict.summary, lines: lines))
      hints = [KeyHint("Enter", "Fix the client"), KeyHint("r", "Retry"), Hints.back, Hints.help, Hints.quit]
    }
    return ScreenModel(
      id: authorization.isPasting ? "authorization-paste" : "authorization",
      title: authorization.isPasting ? "Paste the URL" : "Waiting for the browser",
      intro: [intro], items: items, focus: focus, messages: messages, progress: progress, hints: hints)
  }

  private func sessionItems(_ session: AuthorizationSession, redirect: String) -> [ScreenItem] {
    [
      .text("Sign in at:", .emphasis),
      // Shown whole, however long: it must be copied exactly.
      .text(DisplayText.sanitised(session.authorizeURL.absoluteString), .normal),
      .text("Redirect URI " + redirect, .normal),
      .text("Listening on " + DisplayText.sanitised(session.listeningOn), .dim),
    ]
  }
}
