import Platform
import Vocabulary

/// Classifies HTTP answers of the instance into failures, by status, headers and the
/// structure of the body. Message texts are only hints where the structure is the same (the
/// 403 bodies, SERVICENOW.md "Corrections"), and every hint has a fallback: wording differs
/// between releases.
public enum ResponseClassifier {
  /// How the request was authenticated, which decides what a 401 means.
  public enum RequestAuth: Sendable, Equatable {
    case basic
    case bearer
    case apiKey
    /// A client certificate in the TLS handshake, no header.
    case clientCertificate
  }

  // MARK: Instance markers

  /// The authentication schemes of the `WWW-Authenticate` challenges, lower-cased, in order.
  ///
  /// Instances send `BASIC realm="Service-now"` (upper case), `BEARER …`, or both headers, which
  /// arrive joined by a comma; the scheme is compared without regard to case (RFC 9110 §11.1).
  public static func challengeSchemes(_ response: HTTPResponse) -> [String] {
    guard let value = response.header("WWW-Authenticate") else { return [] }
    var schemes: [String] = []
    for piece in value.split(separator: ",") {
      let text = PlainString.trimmed(piece)
      let word = text.prefix { !$0.isWhitespace && $0 != "=" }
      // A parameter (`realm="x"`) has `=` right after its name; a scheme is followed by a space or nothing.
      let rest = text.dropFirst(word.count)
      guard !word.isEmpty, !rest.hasPrefix("="), word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
      else { continue }
      schemes.append(word.lowercased())
    }
    return schemes
  }

  /// Whether an answer came from a live application node: only a node sends `X-Transaction-ID`
  /// and `X-Is-Logged-In` (the ADCv2 edge alone never does).
  public static func isFromApplicationNode(_ response: HTTPResponse) -> Bool {
    response.header("X-Transaction-ID") != nil || response.header("X-Is-Logged-In") != nil
  }

  /// Each sign of a ServiceNow instance in `response`, in words a person can check.
  ///
  /// The realm of the challenge, `Server: snow_adc` (the ADCv2 edge) or `Server: ServiceNow`
  /// (before it), the headers only an application node sends, the glide cookies, and on the
  /// Table API a 401 with its error envelope. `Server-Timing` counts only next to a node header:
  /// alone, any server may send it.
  public static func instanceMarkers(_ response: HTTPResponse, apiAnswer: Bool) -> [String] {
    var markers: [String] = []
    if let challenge = response.header("WWW-Authenticate"),
      PlainString.contains("service-now", in: challenge.lowercased())
    {
      markers.append("WWW-Authenticate: \(clean(challenge, limit: 120))")
    }
    if let server = response.header("Server").map({ PlainString.trimmed($0).lowercased() }),
      server.hasPrefix("snow_adc") || server == "servicenow"
    {
      markers.append("Server: \(clean(response.header("Server") ?? "", limit: 40))")
    }
    if response.header("X-Transaction-ID") != nil { markers.append("X-Transaction-ID") }
    if response.header("X-Is-Logged-In") != nil { markers.append("X-Is-Logged-In") }
    if isFromApplicationNode(response), response.header("Server-Timing") != nil {
      markers.append("Server-Timing")
    }
    let cookies = response.header("Set-Cookie")?.lowercased() ?? ""
    for name in ["glide_user_route", "glide_session_store", "glide_user_activity", "glide_user_session"]
    where PlainString.contains(name + "=", in: cookies) {
      markers.append("cookie \(name)")
    }
    if apiAnswer, response.status == 401, ErrorEnvelope.parse(response.body) != nil {
      markers.append("401 with the Table API's error body")
    }
    return markers
  }

  /// Whether `response` is the hibernation page of a sleeping developer instance.
  ///
  /// Recognised by the measured markers together (SERVICENOW.md, corrections), never by the
  /// word "hibernating" alone (a directory listing with a file of that name is no instance):
  /// an HTML answer from the edge only (no `X-Transaction-ID`), whose text has the heading
  /// "Your instance is hibernating" and either the `instance-hibernating-page` class or the
  /// developer portal's address.
  public static func isHibernationPage(_ response: HTTPResponse) -> Bool {
    guard !response.isJSON, response.body.count < 200_000, !isFromApplicationNode(response) else {
      return false
    }
    let text = response.text.lowercased()
    // Every healthy check's login pages come here: squeeze only a page that may say it.
    guard PlainString.contains("hibernating", in: text) else { return false }
    let squeezed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard PlainString.contains("your instance is hibernating", in: squeezed) else { return false }
    return PlainString.contains("instance-hibernating-page", in: text)
      || PlainString.contains("developer.servicenow.com", in: text)
  }

  /// Whether `response` is the edge's 502 with no application node behind it.
  ///
  /// A broken developer instance answers so on every path (SERVICENOW.md, corrections); one
  /// such answer alone may be a passing fault, so the probe asks a second path before saying so.
  public static func isEdgeWithoutNode(_ response: HTTPResponse) -> Bool {
    guard response.status == 502, !response.isJSON, !isFromApplicationNode(response),
      let server = response.header("Server")?.lowercased()
    else { return false }
    return server.hasPrefix("snow_adc") || server == "servicenow"
  }

  // MARK: Table API

  /// The failure of a Table API answer, or nil when it is a usable success.
  public static func tableFailure(_ response: HTTPResponse, auth: RequestAuth) -> ServiceNowFailure? {
    if isHibernationPage(response) {
      return ServiceNowFailure(.instanceHibernating)
    }
    let envelope = ErrorEnvelope.parse(response.body)
    let said = envelope.map { "The instance said: \($0.text)" }
    switch response.status {
    case 200..<300:
      guard let object = BoundedJSON.object(response.body),
        object["result"] != nil
      else {
        return ServiceNowFailure(
          .apiBadResponse,
          detail: "HTTP \(response.status) without a JSON \"result\" (\(describe(response))).")
      }
      return nil
    case 401:
      if response.header("X-MFA_TOKEN") != nil {
        return ServiceNowFailure(.authMFARequired, detail: said)
      }
      let schemes = challengeSchemes(response)
      if auth == .basic, !schemes.isEmpty, !schemes.contains("basic") {
        let asked =
          "The instance asks for a token only (WWW-Authenticate: \(schemes.joined(separator: ", ")))"
        return ServiceNowFailure(
          .authBasicRejected,
          detail: [said, asked + ": an API access policy refuses Basic for this API."].compactMap { $0 }
            .joined(separator: " "))
      }
      switch auth {
      case .basic: return ServiceNowFailure(.authBasicRejected, detail: said)
      case .bearer: return ServiceNowFailure(.oauthTokenRejected, detail: said)
      case .apiKey: return ServiceNowFailure(.authAPIKeyRejected, detail: said)
      case .clientCertificate: return ServiceNowFailure(.authCertificateRejected, detail: said)
      }
    case 403:
      guard let envelope else {
        return ServiceNowFailure(
          .apiForbidden, detail: "HTTP 403 without the API's error body: IP access control or a proxy.")
      }
      return forbidden(envelope, said: said ?? "")
    case 429:
      return rateLimited(response, said: said)
    case 500..<600:
      return ServiceNowFailure(
        .instanceUnavailable, detail: said ?? "HTTP \(response.status) (\(describe(response))).")
    default:
      return ServiceNowFailure(
        .apiBadResponse, detail: said ?? "HTTP \(response.status) (\(describe(response))).")
    }
  }

  /// The 403 bodies, each with its own fix (SERVICENOW.md, corrections): cross-scope access,
  /// a missing API auth scope, table security, the REST API ACL, and last a table or field ACL.
  static func forbidden(_ envelope: ErrorEnvelope, said: String) -> ServiceNowFailure {
    let text = envelope.text.lowercased()
    if text.contains("scopeaccessnotgrantedexception") {
      return ServiceNowFailure(.apiCrossScope, detail: said)
    }
    if text.contains("api access scope") {
      var failure = ServiceNowFailure(.apiScopeMissing, detail: said)
      if let scope = scopeName(in: envelope.text) {
        failure.remedies.insert(
          "The instance names the scope it wants: \(scope). Add it to the OAuth application's Auth Scopes "
            + "(or request scope=\(scope)), then get a new token.", at: 0)
      }
      return failure
    }
    if text.contains("table security") {
      return ServiceNowFailure(.apiTableSecurity, detail: said)
    }
    if text.contains("api level acl") || envelope.message.lowercased().hasPrefix("user not authorized") {
      return ServiceNowFailure(.apiRESTAPIDenied, detail: said)
    }
    return ServiceNowFailure(.apiForbidden, detail: said)
  }

  /// The scope name after "…api access scope:", when the text carries one.
  static func scopeName(in text: String) -> String? {
    guard let end = endOfFirst("api access scope", in: text) else { return nil }
    let rest = text[end...].drop { $0 == ":" || $0 == " " }
    let name = rest.prefix { $0.isLetter || $0.isNumber || "_.-:".contains($0) }
    let trimmed = PlainString.trimmed(name, where: { $0 == "." || $0 == ":" })
    return trimmed.isEmpty ? nil : String(trimmed.prefix(80))
  }

  /// Where the first occurrence of the lower-case `needle` in `text` ends, letter case ignored
  /// (characters compared lower-cased).
  private static func endOfFirst(_ needle: String, in text: String) -> String.Index? {
    let count = needle.count
    var start = text.startIndex
    while start < text.endIndex {
      let candidate = text[start...].prefix(count)
      if candidate.count == count, candidate.lowercased() == needle { return candidate.endIndex }
      start = text.index(after: start)
    }
    return nil
  }

  /// A warning for a read that passed but showed nothing useful: zero visible rows, or some of
  /// the `requested` fields missing (the instance drops unreadable fields silently, with 200).
  public static func readWarning(_ read: TableRead, requested: [String]) -> ServiceNowFailure? {
    guard let first = read.records.first else {
      let total = read.totalCount.map { " (X-Total-Count: \($0))" } ?? ""
      return ServiceNowFailure(.apiNoRows, detail: "\(read.table): the read passed with no records\(total).")
    }
    let missing = requested.filter { first[$0] == nil }
    guard !missing.isEmpty else { return nil }
    return ServiceNowFailure(
      .apiFieldsMissing,
      detail:
        "\(read.table): the answer lacks \(missing.joined(separator: ", ")) (asked for \(requested.joined(separator: ", ")))."
    )
  }

  // MARK: Token endpoint

  /// The failure of a token endpoint answer for `grant`, or the tokens it carries.
  public static func tokenResult(_ response: HTTPResponse, grant: OAuthGrant, now: Date) -> Result<
    TokenSet, ServiceNowFailure
  > {
    tokenResult(response, grantType: grant.grantType, strayFields: [], now: now)
  }

  /// The same for a whole request, whose pasted values tell the catch-all's likeliest cause.
  public static func tokenResult(_ response: HTTPResponse, request: TokenRequest, now: Date) -> Result<
    TokenSet, ServiceNowFailure
  > {
    tokenResult(response, grantType: request.grant.grantType, strayFields: strayFields(request), now: now)
  }

  private static func tokenResult(
    _ response: HTTPResponse, grantType: String, strayFields: [String], now: Date
  ) -> Result<TokenSet, ServiceNowFailure> {
    if isHibernationPage(response) {
      return .failure(ServiceNowFailure(.instanceHibernating))
    }
    let answer = OAuthErrorAnswer.parse(response.body)
    let said = answer.map { "The instance said: \($0.text)" }
    switch response.status {
    case 200..<300:
      if let tokens = TokenSet.parse(response.body, obtainedAt: now) {
        return .success(tokens)
      }
      return .failure(
        ServiceNowFailure(
          .oauthBadResponse,
          detail: said ?? "HTTP \(response.status) without an access_token (\(describe(response)))."))
    case 429:
      return .failure(rateLimited(response, said: said))
    case 403 where answer == nil:
      // Not an OAuth answer: IP access control or a proxy refused before the token endpoint.
      return .failure(
        ServiceNowFailure(.apiForbidden, detail: "HTTP 403 from the token endpoint (\(describe(response)))."))
    case 500..<600 where answer == nil:
      if isEdgeWithoutNode(response) {
        return .failure(
          ServiceNowFailure(.instanceNoNode, detail: "HTTP 502 from the edge (\(describe(response)))."))
      }
      return .failure(
        ServiceNowFailure(.instanceUnavailable, detail: "HTTP \(response.status) (\(describe(response)))."))
    default:
      guard let answer else {
        return .failure(
          ServiceNowFailure(.oauthBadResponse, detail: "HTTP \(response.status) (\(describe(response)))."))
      }
      return .failure(oauthFailure(answer, grantType: grantType, strayFields: strayFields, said: said))
    }
  }

  /// The pasted values of `request` with a space at either end (never their values).
  public static func strayFields(_ request: TokenRequest) -> [String] {
    func stray(_ text: String) -> Bool {
      PlainString.trimmed(text, newlines: true) != text
    }
    var names: [String] = []
    if stray(request.clientID) { names.append("client ID") }
    if let secret = request.clientSecret, stray(secret.reveal()) { names.append("client secret") }
    if case .password(let username, _) = request.grant, stray(username) { names.append("user name") }
    return names
  }

  /// Maps an OAuth error answer; ServiceNow's catch-all `access_denied` covers every wrong
  /// credential (and a switched-off client-credentials grant), and on a refresh grant it means
  /// the refresh token is no longer good. `oauth.grant_disabled` only when the answer says so.
  private static func oauthFailure(
    _ answer: OAuthErrorAnswer, grantType: String, strayFields: [String], said: String?
  ) -> ServiceNowFailure {
    if answer.mentions("unsupported_grant_type") || grantSwitchedOff(answer) {
      return ServiceNowFailure(.oauthGrantDisabled, detail: said)
    }
    if answer.mentions("unauthorized_client") {
      return ServiceNowFailure(.oauthUnauthorizedClient, detail: said)
    }
    if grantType == "refresh_token" {
      return ServiceNowFailure(.oauthRefreshExpired, detail: said)
    }
    if grantType == TokenRequest.jwtBearerGrantType {
      return ServiceNowFailure(.oauthJWTRejected, detail: said)
    }
    return FailureCatalog.accessDenied(grantType: grantType, strayFields: strayFields, detail: said)
  }

  /// A hint only: an `invalid_request` whose description says the grant type is off.
  private static func grantSwitchedOff(_ answer: OAuthErrorAnswer) -> Bool {
    guard answer.mentions("invalid_request") || answer.mentions("invalid_grant"),
      let text = answer.description?.lowercased(), text.contains("grant")
    else { return false }
    return ["disabled", "not enabled", "not supported", "not allowed"].contains(where: text.contains)
  }

  private static func rateLimited(_ response: HTTPResponse, said: String?) -> ServiceNowFailure {
    let wait = response.header("Retry-After").map {
      "The instance asks to wait \(clean($0, limit: 20)) s (Retry-After)."
    }
    let detail = [wait, said].compactMap { $0 }.joined(separator: " ")
    return ServiceNowFailure(.apiRateLimited, detail: detail.isEmpty ? nil : detail)
  }

  /// "text/html, server nginx", to say what answered instead.
  /// The header values are the server's words: scrubbed and made terminal-safe.
  static func describe(_ response: HTTPResponse) -> String {
    let scrubber = SecretScrubber.current
    var parts: [String] = []
    parts.append(
      response.header("Content-Type").map { clean(String($0.split(separator: ";").first ?? ""), limit: 60) }
        ?? "no type")
    if let server = response.header("Server") {
      parts.append("server \(clean(server, limit: 60))")
    }
    return parts.joined(separator: ", ")
  }

  /// Server text fit to show: control characters dropped, at most `limit` characters.
  static func clean(_ text: String, limit: Int) -> String {
    ErrorEnvelope.sanitised(text, limit: limit)
  }
}
