import Foundation
import ServiceNowClient
import Testing
import Vocabulary

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The documented revocation call: a GET with the token percent-encoded in the query.
@Suite struct TokenRevocationTests {
  @Test func revocationCarriesThePercentEncodedTokenInTheQuery() throws {
    let request = TokenRevocation.urlRequest(
      instance: URL(string: "https://dev1.service-now.com/api/now")!, token: Secret("ab+c/d=e.f g"))
    #expect(request.method == "GET")
    #expect(request.body == nil)
    #expect(request.header("Authorization") == nil)
    #expect(
      request.url.absoluteString
        == "https://dev1.service-now.com/oauth_revoke_token.do?token=ab%2Bc%2Fd%3De.f%20g")
    let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems
    #expect(query?.first(where: { $0.name == "token" })?.value == "ab+c/d=e.f g")
  }
}
