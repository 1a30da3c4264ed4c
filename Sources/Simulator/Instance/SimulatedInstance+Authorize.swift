import Hashing
import Platform

/// `/oauth_auth.do`: the consent page and its Allow and Deny forms.
///
/// The simulator has no login page: the consent is given as the first configured user, the one a
/// person would be signed in as in their browser.
extension SimulatedInstance {
  func authorize(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> SimulatedResponse {
    let parameters = request.query + (request.method == "POST" ? (request.form ?? []) : [])
    func value(_ name: String) -> String? {
      guard let found = parameters.last(where: { $0.0 == name })?.1, !found.isEmpty else { return nil }
      return found
    }
    func refuse(_ text: String) -> SimulatedResponse {
      InstanceResponses.page(400, title: "OAuth authorization failed", text: text)
    }
    guard let clientID = value("client_id"),
      let client = configuration.oauthClients.first(where: { $0.id == clientID }), client.active
    else { return refuse("Invalid client_id: no OAuth application is registered with that client ID.") }
    guard value("response_type") == "code" else { return refuse("Unsupported response_type; use code.") }
    guard let state = value("state") else { return refuse("Missing State parameter in request") }
    let challenge = value("code_challenge")
    if challenge != nil, value("code_challenge_method") != "S256" {
      return refuse("Unsupported code_challenge_method; use S256.")
    }
    if client.publicClient, challenge == nil {
      return refuse("A public client must send code_challenge and code_challenge_method=S256 (PKCE).")
    }
    let requested = value("redirect_uri")
    // A real instance does not refuse an unregistered redirect_uri: it uses the first registered one.
    let effective: String
    if let requested, client.redirectURLs.isEmpty || client.redirectURLs.contains(requested) {
      effective = requested
    } else if let first = client.redirectURLs.first {
      effective = first
    } else {
      return refuse("The OAuth application has no redirect URL and the request named none.")
    }
    guard let user = configuration.users.first else { return refuse("No user is signed in.") }
    let scope = value("scope") ?? "useraccount"

    let action = value("action")
    if action == "deny" {
      return redirect(effective, [("error", "access_denied"), ("state", state)])
    }
    guard action == "allow" || configuration.autoApprove else {
      return consentPage(client: client, user: user, parameters: parameters)
    }
    let code = AuthorizationCode(
      value: Base64URL.random(bytes: 32), clientID: client.id, userName: user.userName,
      requestedRedirectURI: requested, effectiveRedirectURI: effective, scope: scope,
      codeChallenge: challenge, expiresAt: self.state.withLock { $0.now }.addingTimeInterval(300))
    self.state.withLock {
      $0.purgeExpired()
      $0.codes[code.value] = code
    }
    return redirect(effective, [("code", code.value), ("state", state)])
  }

  private func redirect(_ base: String, _ pairs: [(name: String, value: String)]) -> SimulatedResponse {
    let separator = base.contains("?") ? "&" : "?"
    return SimulatedResponse(
      status: 302, headers: [("Location", base + separator + FormEncoding.encode(pairs))])
  }

  private func consentPage(
    client: SimulatedOAuthClient, user: SimulatedUser, parameters: [(String, String)]
  ) -> SimulatedResponse {
    let carried = [
      "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
      "code_challenge_method",
    ]
    let hidden = carried.compactMap { name -> String? in
      guard let value = parameters.last(where: { $0.0 == name })?.1 else { return nil }
      return "<input type=\"hidden\" name=\"\(name)\" value=\"\(InstanceResponses.escape(value))\">"
    }.joined(separator: "\n")
    func form(_ action: String, _ label: String) -> String {
      """
      <form method="POST" action="/oauth_auth.do">
      \(hidden)
      <input type="hidden" name="action" value="\(action)">
      <button type="submit" id="\(action)">\(label)</button>
      </form>
      """
    }
    return InstanceResponses.html(
      200,
      """
      <!DOCTYPE html>
      <html><head><title>Authorize \(InstanceResponses.escape(client.name))</title></head>
      <body>
      <h1>\(InstanceResponses.escape(client.name)) would like to connect to your ServiceNow account</h1>
      <p>Signed in as \(InstanceResponses.escape(user.userName)). Allow this application to access your
      instance on your behalf?</p>
      \(form("allow", "Allow"))
      \(form("deny", "Deny"))
      </body></html>

      """)
  }
}
