import Hashing
import Platform

/// `POST /oauth_token.do`: the grants, with the catch-all 401 for every credential failure.
extension SimulatedInstance {
  func token(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> SimulatedResponse {
    let denied = InstanceResponses.accessDenied
    guard request.method == "POST", let form = request.form else { return denied }
    let credentialNames: Set<String> = [
      "client_secret", "password", "refresh_token", "code", "code_verifier",
    ]
    if request.query.contains(where: { credentialNames.contains($0.0) }) { return denied }
    func field(_ name: String) -> String? {
      guard let value = form.first(where: { $0.0 == name })?.1, !value.isEmpty else { return nil }
      return value
    }

    // Client credentials come in the body (documented) or in a Basic header (what pysnc sends).
    var clientID = field("client_id")
    var clientSecret = field("client_secret")
    if let basic = Self.basicCredentials(request) {
      clientID = clientID ?? basic.user
      if clientID == basic.user { clientSecret = clientSecret ?? basic.password }
    }
    // An inactive registry record is refused like an unknown one: the catch-all.
    guard let clientID, let client = configuration.oauthClients.first(where: { $0.id == clientID }),
      client.active
    else {
      return denied
    }
    let secretMatches = client.secret != nil && clientSecret == client.secret
    if clientSecret != nil, !secretMatches, !client.publicClient { return denied }
    let clientAuthenticated = secretMatches || client.publicClient
    let scenarios = configuration.scenarios
    let scope = field("scope") ?? "useraccount"

    switch field("grant_type") {
    case "password":
      let ropcOff = state.withLock { $0.property("glide.oauth.inbound.ropc.grant_type.disabled") } == "true"
      guard !scenarios.contains(.ropcDisabled), !ropcOff, clientAuthenticated,
        let userName = field("username"), let password = field("password"),
        configuration.users.contains(where: {
          $0.userName == userName && !$0.password.isEmpty && $0.password == password
        })
      else { return denied }
      return issue(user: userName, client: client, scope: scope, reuse: true, withRefresh: true)

    case "refresh_token":
      guard !scenarios.contains(.refreshExpired), clientAuthenticated, let value = field("refresh_token")
      else {
        return denied
      }
      let rotating = scenarios.contains(.rotatingRefresh)
      let refresh = state.withLock { state -> IssuedToken? in
        guard let token = state.refreshTokens[value], token.expiresAt > state.now,
          token.clientID == client.id
        else { return nil }
        // Rotation: the refresh token works once; its successor comes with the new access token.
        if rotating { state.refreshTokens[value] = nil }
        return token
      }
      guard let refresh else { return denied }
      return issue(
        user: refresh.userName, client: client, scope: refresh.scope, reuse: false, withRefresh: true,
        existingRefresh: rotating ? nil : refresh)

    case "authorization_code":
      guard let value = field("code") else { return denied }
      let code = state.withLock { state -> AuthorizationCode? in
        guard let code = state.codes.removeValue(forKey: value), code.expiresAt > state.now else {
          return nil
        }
        return code
      }
      guard let code, code.clientID == client.id else { return denied }
      if let redirect = field("redirect_uri"),
        redirect != code.effectiveRedirectURI, redirect != code.requestedRedirectURI
      {
        return denied
      }
      if let challenge = code.codeChallenge {
        guard let verifier = field("code_verifier"), PKCEChallenge.of(verifier) == challenge else {
          return denied
        }
        if !client.publicClient, !secretMatches { return denied }
      } else if !secretMatches {
        return denied
      }
      return issue(user: code.userName, client: client, scope: code.scope, reuse: false, withRefresh: true)

    case "client_credentials":
      // The property is off or missing (it does not exist until an admin creates it): the
      // catch-all, not unsupported_grant_type (SERVICENOW.md, corrections).
      let enabled = state.withLock { $0.property(SimulatedTable.clientCredentialsProperty) } == "true"
      guard secretMatches, !client.publicClient, enabled else { return denied }
      guard !scenarios.contains(.ccNotConfigured), let appUser = client.applicationUser else {
        return InstanceResponses.unauthorizedClient(sysID: client.sysID)
      }
      return issue(user: appUser, client: client, scope: scope, reuse: false, withRefresh: false)

    case Self.jwtBearerGrantType:
      return jwtBearer(
        assertion: field("assertion"), client: client, secretMatches: secretMatches, scope: scope,
        configuration)

    default:
      return denied
    }
  }

  /// Issues (or, for a repeated password grant, extends and returns) an access token.
  func issue(
    user: String, client: SimulatedOAuthClient, scope: String, reuse: Bool, withRefresh: Bool,
    existingRefresh: IssuedToken? = nil
  ) -> SimulatedResponse {
    let scenarios = configuration.scenarios
    let (access, refresh) = state.withLock { state -> (IssuedToken, IssuedToken?) in
      state.purgeExpired()
      let now = state.now
      let accessExpiry = now.addingTimeInterval(TimeInterval(client.accessTokenLifespan))
      if reuse,
        // Only a token the same kind of grant issued: a client-credentials token (no refresh
        // token) must not answer a later password grant for the same application user.
        var current = state.accessTokens.values.first(where: {
          $0.userName == user && $0.clientID == client.id && $0.scope == scope
            && (!withRefresh || $0.refreshToken != nil)
        })
      {
        current.expiresAt = accessExpiry
        state.accessTokens[current.value] = current
        return (current, current.refreshToken.flatMap { state.refreshTokens[$0] })
      }
      var refresh = existingRefresh
      if withRefresh, refresh == nil {
        let token = IssuedToken(
          value: Base64URL.random(bytes: 64), userName: user, clientID: client.id, scope: scope,
          expiresAt: now.addingTimeInterval(TimeInterval(client.refreshTokenLifespan)))
        state.refreshTokens[token.value] = token
        refresh = token
      }
      let access = IssuedToken(
        value: scenarios.contains(.jwtTokens)
          ? Self.jwt(user: user, client: client.id, expiresAt: accessExpiry) : Base64URL.random(bytes: 64),
        userName: user, clientID: client.id, scope: scope,
        expiresAt: accessExpiry, refreshToken: refresh?.value)
      state.accessTokens[access.value] = access
      return (access, refresh)
    }
    var members: [(String, JSONValue)] = [
      ("scope", .string(scenarios.contains(.emptyScope) ? "" : access.scope)),
      ("token_type", .string("Bearer")),
      ("expires_in", .number(client.accessTokenLifespan - 1)),
    ]
    if withRefresh, let refresh { members.append(("refresh_token", .string(refresh.value))) }
    members.append(("access_token", .string(access.value)))
    return InstanceResponses.json(200, .object(members), headers: InstanceResponses.tokenHeaders)
  }

  /// A JWT-shaped access token, as an app whose Token Format is JWT issues (Yokohama and later).
  ///
  /// The signature is random bytes: nothing verifies it but the simulator's own token table.
  static func jwt(user: String, client: String, expiresAt: Date) -> String {
    let header = #"{"alg":"RS256","typ":"JWT","kid":"snowgate-sim"}"#
    let claims = JSONValue.object([
      ("sub", .string(user)), ("aud", .string(client)), ("iss", .string("simulated-instance")),
      ("exp", .number(Int(expiresAt.timeIntervalSince1970))), ("jti", .string(Base64URL.random(bytes: 12))),
    ]).serialized
    return [
      Base64URL.encode(Array(header.utf8)), Base64URL.encode(Array(claims.utf8)),
      Base64URL.random(bytes: 256),
    ]
    .joined(separator: ".")
  }

  /// The user and password of an `Authorization: Basic` header.
  static func basicCredentials(_ request: HTTPRequest) -> (user: String, password: String)? {
    guard let header = request.header("Authorization"), header.lowercased().hasPrefix("basic "),
      let data = Data(base64Encoded: PlainString.trimmed(header.dropFirst(6))),
      let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
    else { return nil }
    return (String(text[..<colon]), String(text[text.index(after: colon)...]))
  }
}
