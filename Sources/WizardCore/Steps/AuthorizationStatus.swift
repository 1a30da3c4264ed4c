import Vocabulary

/// Where the browser sign-in stands.
public enum AuthorizationStatus: Equatable, Sendable {
  case idle
  /// `.startAuthorization` sent; the runtime is starting the listener and the browser.
  case starting(AuthorizationDraft)
  /// Waiting for the browser's redirect (or a paste); the countdown runs.
  case waiting(AuthorizationSession)
  /// A pasted URL or code is being exchanged (`.completeAuthorization`).
  case exchanging(AuthorizationSession)
  /// Enter goes back to the client screen.
  case failed(Verdict)
}
