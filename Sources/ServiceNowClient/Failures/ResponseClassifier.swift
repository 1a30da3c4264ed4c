import Foundation
import Vocabulary

/// Classifies HTTP answers of the instance into failures, by status, headers and the
/// structure of the body, never by one exact message text (the wording differs between releases).
public enum ResponseClassifier {
  /// How the request was authenticated, which decides what a 401 means.
  public enum AuthKind: Sendable, Equatable {
    case basic
    case bearer
  }

  /// Whether `response` is the hibernation page of a sleeping developer instance.
  ///
  /// Its status code is not documented, so the page is recognised by its text, whatever the
  /// status: an HTML page (not the API's JSON) that says the instance is hibernating.
  public static func isHibernationPage(_ response: HTTPResponse) -> Bool {
    guard !response.isJSON, response.body.count < 2_000_000 else { return false }
    let text = response.text.lowercased()
    return text.contains("hibernating") || text.contains("instance is hibernat")
  }

  /// The failure of a Table API answer, or nil when it is a usable success.
  public static func tableFailure(_ response: HTTPResponse, auth: AuthKind) -> ServiceNowFailure? {
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
      return ServiceNowFailure(auth == .basic ? .authBasicRejected : .oauthTokenRejected, detail: said)
    case 403:
      // Structure first: only an API error envelope can be the scope refusal; its message
      // is then the one hint that tells a missing scope from a missing role or ACL.
      if let envelope, envelope.text.lowercased().contains("scope") {
        return ServiceNowFailure(.apiScopeMissing, detail: said)
      }
      return ServiceNowFailure(
        .apiForbidden, detail: said ?? "HTTP 403 without the API's error body: IP access control or a proxy.")
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

  /// The failure of a token endpoint answer for `grant`, or the tokens it carries.
  public static func tokenResult(_ response: HTTPResponse, grant: OAuthGrant, now: Date) -> Result<
    TokenSet, ServiceNowFailure
  > {
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
      return .failure(
        ServiceNowFailure(.instanceUnavailable, detail: "HTTP \(response.status) (\(describe(response)))."))
    default:
      guard let answer else {
        return .failure(
          ServiceNowFailure(.oauthBadResponse, detail: "HTTP \(response.status) (\(describe(response)))."))
      }
      return .failure(oauthFailure(answer, grant: grant, said: said))
    }
  }

  /// Maps an OAuth error answer; ServiceNow's catch-all `access_denied` covers every wrong
  /// credential, and on a refresh grant it means the refresh token is no longer good.
  private static func oauthFailure(_ answer: OAuthErrorAnswer, grant: OAuthGrant, said: String?)
    -> ServiceNowFailure
  {
    if answer.mentions("unsupported_grant_type") || grantSwitchedOff(answer) {
      return ServiceNowFailure(.oauthGrantDisabled, detail: said)
    }
    if answer.mentions("unauthorized_client") {
      return ServiceNowFailure(.oauthUnauthorizedClient, detail: said)
    }
    if case .refreshToken = grant {
      return ServiceNowFailure(.oauthRefreshExpired, detail: said)
    }
    return ServiceNowFailure(.oauthAccessDenied, detail: said)
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
      "The instance asks to wait \(SecretScrubber.current.clean(String($0.prefix(40)))) s (Retry-After)."
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
      response.header("Content-Type").map { scrubber.clean(String($0.split(separator: ";").first ?? "")) }
        ?? "no type")
    if let server = response.header("Server") {
      parts.append("server \(scrubber.clean(String(server.prefix(200))))")
    }
    return parts.joined(separator: ", ")
  }
}
