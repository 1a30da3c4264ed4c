import Platform
import ServiceNowClient
import Vocabulary
import WizardCore

/// The wizard's sign-in through a browser: one attempt at a time, its session and listener.
///
/// Holds what `.startAuthorization` began so that `.completeAuthorization` (a pasted URL) and
/// `.cancel(.authorization)` reach the same attempt; a new start ends the old one, so an old
/// browser tab's redirect cannot complete a new sign-in.
final class BrowserSignIn: @unchecked Sendable {
  /// How long the listener waits for the browser.
  static let timeoutSeconds = 300
  /// Codes of the sign-in itself (the browser leg); any other code came from the token endpoint.
  static let signInCodes: Set<String> = [
    "oauth.listener_failed", "oauth.callback_timeout", "oauth.authorization_denied",
    "oauth.state_mismatch", "oauth.paste_unreadable",
  ]

  private let lock = Lock()
  private var session: AuthorizationCodeExchange?
  private var listener: LoopbackListener?

  /// Starts an attempt: the listener, the browser, and the event saying where to look.
  func start(
    _ draft: AuthorizationDraft, environment: AppEnvironment, post: @escaping @Sendable (WizardEvent) -> Void
  )
    -> (@Sendable () async -> WizardEvent)?
  {
    cancel()
    let secret = draft.clientSecret.flatMap { $0.isEmpty ? nil : $0 }
    if let secret { environment.log.remember(secret) }
    let session = AuthorizationCodeExchange(
      client: environment.client(for: draft.instanceURL, apiVersion: nil), clientID: draft.clientID,
      clientSecret: secret, scope: draft.scope.isEmpty ? nil : draft.scope, redirectURI: draft.redirectURI)
    let listener = try? LoopbackListener(redirectURI: draft.redirectURI)
    lock.lock()
    self.session = session
    self.listener = listener
    lock.unlock()
    environment.openBrowser(session.authorizeURL)
    let listening =
      listener == nil
      ? "nothing (the port is busy): paste the address instead" : draft.redirectURI
    post(
      .authorizationStarted(
        authorizeURL: session.authorizeURL, listeningOn: listening, timeoutSeconds: Self.timeoutSeconds))
    // Without a listener (the port is busy) the attempt stays open for a pasted address: the
    // screen says where nothing listens, and the session can still complete from the paste.
    guard let listener else {
      return nil
    }
    return {
      Self.event(await session.complete(listener: listener, timeout: .seconds(Self.timeoutSeconds)))
    }
  }

  /// Completes the current attempt from what the person pasted.
  func complete(pasted: String) -> (@Sendable () async -> WizardEvent)? {
    lock.lock()
    let session = self.session
    let listener = self.listener
    self.listener = nil
    lock.unlock()
    listener?.cancel()
    guard let session else {
      return {
        .authorizationFailed(
          Verdict(
            code: "oauth.sign_in_required", summary: "There is no sign-in in progress to complete.",
            remedies: ["Start the sign-in again from the token screen."]))
      }
    }
    return { Self.event(await session.complete(pasted: pasted)) }
  }

  func cancel() {
    lock.lock()
    let listener = self.listener
    self.listener = nil
    self.session = nil
    lock.unlock()
    listener?.cancel()
  }

  static func event(_ result: Result<TokenSet, ServiceNowFailure>) -> WizardEvent {
    switch result {
    case .success(let tokens):
      return .tokenFinished(.received(ProfileMapping.summary(tokens)))
    case .failure(let failure) where signInCodes.contains(failure.code):
      return .authorizationFailed(Outcomes.verdict(failure))
    case .failure(let failure):
      return .tokenFinished(.failed(Outcomes.verdict(failure)))
    }
  }
}
