import Platform
import ServiceNowClient
import TextSafety

/// Why the loopback listener ended without a code, worded for the person waiting.
enum LoopbackFailure: Error, Sendable, Equatable {
  /// The port could not be opened (in use, not allowed).
  case cannotListen(port: UInt16, reason: String)
  /// Nothing valid arrived before the deadline; `refused` counts callbacks with a wrong state.
  case timedOut(seconds: Int, redirectURI: String, refused: Int)
  /// The person (or the caller's task) cancelled the wait.
  case cancelled
  /// The instance redirected back with an error instead of a code (Deny on the consent page).
  case denied(error: String, description: String?)

  /// The failure as the client's catalogue shape, so screens and commands show it like any other.
  var failure: ServiceNowFailure {
    switch self {
    case .cannotListen(let port, let reason):
      return ServiceNowFailure(
        code: "oauth.listener_failed",
        summary: "snowgate could not listen on 127.0.0.1:\(port) for the browser's redirect: \(reason).",
        remedies: [
          "Another program may use that port: close it, or register a redirect URL with another port.",
          "Or complete the sign-in by pasting the URL the browser was sent to.",
        ])
    case .timedOut(let seconds, let redirectURI, let refused):
      var remedies = [
        "The redirect URL \(redirectURI) may not be registered on the OAuth client: an instance "
          + "does not refuse an unknown redirect URL, it silently uses the first registered one. "
          + "Add exactly \(redirectURI) to the client's Redirect URL field (System OAuth > Application Registry).",
        "The browser may run on another machine (an SSH session): its redirect to 127.0.0.1 "
          + "never reaches this one. Copy the address the browser ended on and paste it here instead.",
        "The sign-in may still be open in the browser: finish it and try again.",
      ]
      if refused > 0 {
        remedies.insert(
          "\(refused) redirect\(refused == 1 ? " was" : "s were") refused because the state did not "
            + "match this sign-in (an old browser tab?): start the sign-in again from this screen.",
          at: 0)
      }
      return ServiceNowFailure(
        code: "oauth.callback_timeout",
        summary: "No sign-in came back from the browser within \(seconds) seconds.", remedies: remedies)
    case .cancelled:
      return ServiceNowFailure(FailureCode.cancelled)
    case .denied(let error, let description):
      return ServiceNowFailure(
        code: "oauth.authorization_denied",
        summary: "The instance did not grant access: the sign-in was denied or failed in the browser.",
        remedies: [
          "Sign in again and choose Allow on the consent page.",
          "Check that the OAuth client is active and that your user may use it.",
        ],
        // The browser's redirect carries the instance's words (or anyone's who can reach the
        // port): shown with control characters made visible, and cut short.
        detail: "The instance said: " + UntrustedText.visible(String(error.prefix(200)))
          + (description.map { " (\(UntrustedText.visible(String($0.prefix(500)))))" } ?? ""))
    }
  }
}
