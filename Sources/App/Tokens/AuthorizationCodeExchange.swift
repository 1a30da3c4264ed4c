import Platform
import ServiceNowClient
import Vocabulary

/// One sign-in with the authorization code flow: PKCE verifier and state, the authorize URL,
/// and the exchange of the code that comes back (through the loopback listener or pasted).
///
/// A value made once per attempt; starting again means a new session, so an old browser tab's
/// redirect (an old state) is refused.
struct AuthorizationCodeExchange: Sendable {
  let client: ServiceNowClient
  let clientID: String
  /// Nil or empty for a public client, which proves itself with the PKCE verifier alone.
  let clientSecret: Secret?
  let scope: String?
  /// The exact redirect URI sent in the authorize request and again in the code exchange.
  let redirectURI: String
  let verifier: Secret
  let state: String

  /// A new attempt with a fresh verifier and state (tests pass known ones).
  init(
    client: ServiceNowClient, clientID: String, clientSecret: Secret?, scope: String?, redirectURI: String,
    verifier: Secret = PKCE.makeVerifier(), state: String = PKCE.makeState()
  ) {
    self.client = client
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.scope = scope
    self.redirectURI = redirectURI
    self.verifier = verifier
    self.state = state
    client.log.remember(verifier)
  }

  /// The authorize request: state always, the S256 challenge of the verifier always.
  var authorizationRequest: AuthorizationRequest {
    AuthorizationRequest(
      clientID: clientID, redirectURI: redirectURI, scope: scope, state: state,
      codeChallenge: PKCE.challenge(for: verifier.reveal()))
  }

  /// The URL to open in the browser (shown in full too, for machines without one).
  var authorizeURL: URL {
    client.authorizeURL(authorizationRequest)
  }

  /// Waits for the browser's redirect on `listener`, then exchanges the code for tokens.
  func complete(listener: LoopbackListener, timeout: Duration) async -> Result<TokenSet, ServiceNowFailure> {
    switch await listener.wait(expectedState: state, timeout: timeout) {
    case .failure(let failure):
      return .failure(failure.failure)
    case .success(let callback):
      return await exchange(code: callback.code)
    }
  }

  /// Completes from what the person pasted: the whole redirect URL (code and state) or the code.
  func complete(pasted: String) async -> Result<TokenSet, ServiceNowFailure> {
    switch code(fromPasted: pasted) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let code):
      return await exchange(code: code)
    }
  }

  /// The code in a pasted text, with the state checked when the text carries one.
  ///
  /// A URL or query (`…?code=…&state=…`) must carry this session's state: a URL without one,
  /// or with another, is refused. A bare code (one word, no `=`) is taken as it is: the person
  /// copied it from the address bar of this sign-in.
  func code(fromPasted pasted: String) -> Result<Secret, ServiceNowFailure> {
    let text = PlainString.trimmed(pasted, where: { $0.isWhitespace || "\"'<>".contains($0) })
    guard !text.isEmpty else { return .failure(Self.pasteFailure("Nothing was pasted.")) }
    guard text.contains("=") else {
      guard !text.contains(where: \.isWhitespace) else {
        return .failure(Self.pasteFailure("The pasted text is neither a URL nor a single code."))
      }
      return .success(Secret(text))
    }
    let query: String
    if let mark = text.firstIndex(of: "?") {
      query = String(text[text.index(after: mark)...])
    } else {
      query = text
    }
    let withoutFragment = query.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
    let fields = FormEncoding.decode(withoutFragment)
    func value(_ name: String) -> String? {
      fields.last(where: { $0.name == name }).flatMap { $0.value.isEmpty ? nil : $0.value }
    }
    guard let returned = value("state") else {
      return .failure(
        Self.pasteFailure(
          "The pasted URL has no state, so it cannot be tied to this sign-in. Paste the whole address "
            + "the browser ended on, or only the value of code."))
    }
    guard returned == state else {
      return .failure(
        ServiceNowFailure(
          code: "oauth.state_mismatch",
          summary: "The pasted URL belongs to another sign-in (its state does not match this one).",
          remedies: [
            "Paste the address from the browser tab of this sign-in (the most recent one).",
            "Or start the sign-in again.",
          ]))
    }
    if let error = value("error") {
      return .failure(LoopbackFailure.denied(error: error, description: value("error_description")).failure)
    }
    guard let code = value("code") else {
      return .failure(Self.pasteFailure("The pasted URL carries no code."))
    }
    return .success(Secret(code))
  }

  /// Exchanges a code for tokens: the authorization_code grant with the verifier and redirect URI.
  func exchange(code: Secret) async -> Result<TokenSet, ServiceNowFailure> {
    await client.requestToken(
      TokenRequest(
        clientID: clientID, clientSecret: clientSecret,
        grant: .authorizationCode(code: code, redirectURI: redirectURI, codeVerifier: verifier)))
  }

  private static func pasteFailure(_ summary: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "oauth.paste_unreadable", summary: summary,
      remedies: [
        "After you allow access, the browser goes to an address starting with the redirect URL "
          + "(it may show an error page there): copy that whole address from the address bar and paste it.",
        "Or paste only the value after code=.",
      ])
  }
}
