import Foundation
import ServiceNowClient
import Simulator
import Vocabulary
import XCTest

/// Single sign-on recognised from a login page's redirect (issue 12), alone and against the
/// simulator's `sso` and `sso-oidc` scenarios over real HTTP.
final class IdentityProviderRedirectTests: XCTestCase {
  private let instance = URL(string: "https://acme.service-now.com")!

  private func recognise(_ location: String) -> IdentityProviderRedirect? {
    IdentityProviderRedirect.recognise(location: location, instance: instance)
  }

  func testASAMLRequestToAnotherHostIsSAMLAndNamesTheHost() {
    let found = recognise("https://IdP.Example.com/saml2/sso?SAMLRequest=fZJNT8MwDIb%2FSu&RelayState=x")
    XCTAssertEqual(found, IdentityProviderRedirect(host: "idp.example.com", kind: .saml))
    XCTAssertEqual(found?.description, "the SAML identity provider idp.example.com")
  }

  func testAClientIDToAnotherHostIsOpenIDConnect() {
    let found = recognise("https://sso.example.org/authorize?client_id=abc&response_type=code")
    XCTAssertEqual(found?.kind, .oidc)
    XCTAssertEqual(found?.host, "sso.example.org")
  }

  func testWellKnownProvidersAreNamed() {
    XCTAssertEqual(
      recognise("https://login.microsoftonline.com/tenant/saml2?SAMLRequest=x")?.product, "Entra ID")
    XCTAssertEqual(recognise("https://acme.okta.com/app/acme/sso/saml?SAMLRequest=x")?.product, "Okta")
    XCTAssertEqual(recognise("https://fs.acme.com/adfs/ls/?SAMLRequest=x")?.product, "ADFS")
    XCTAssertEqual(recognise("https://auth.pingone.com/as/authorize?client_id=x")?.product, "Ping")
    // A well-known host is enough even without the parameters.
    XCTAssertEqual(recognise("https://acme.okta.com/login/default")?.product, "Okta")
  }

  func testRedirectsThatAreNoProviderAreNotTakenForOne() {
    XCTAssertNil(recognise("/navpage.do"), "relative: the instance's own page")
    XCTAssertNil(recognise("https://acme.service-now.com/login.do?client_id=x"), "same host")
    XCTAssertNil(recognise("https://ACME.service-now.com/saml?SAMLRequest=x"), "same host, any case")
    XCTAssertNil(recognise("https://itsm.example.com/"), "a custom domain, no SSO parameter")
    XCTAssertNil(recognise("javascript:alert(1)"))
    XCTAssertNil(recognise("https://" + String(repeating: "a", count: 300) + ".example/?SAMLRequest=x"))
    XCTAssertNil(recognise(""))
  }

  private func detect(_ scenario: Scenario?) async throws -> IdentityProviderRedirect? {
    var configuration = SimulatorConfiguration.demo
    configuration.scenarios = scenario.map { [$0] } ?? []
    let server = SimulatorServer(configuration: configuration)
    try server.start()
    defer { server.stop() }
    let client = ServiceNowClient(instance: server.baseURL, deadline: .seconds(5))
    return await client.detectSingleSignOn()
  }

  func testTheSSOScenarioIsRecognisedOverHTTP() async throws {
    let found = try await detect(.sso)
    XCTAssertEqual(found, IdentityProviderRedirect(host: "idp.example.test", kind: .saml))
  }

  func testTheOIDCScenarioIsRecognisedOverHTTP() async throws {
    let found = try await detect(.ssoOIDC)
    XCTAssertEqual(found, IdentityProviderRedirect(host: "idp.example.test", kind: .oidc))
  }

  /// Answers each login page only once all of them are in flight (or after 5 s, when they
  /// came one by one), with the redirect the test gave for that path.
  private final class AllAtOnce: Transport, @unchecked Sendable {
    let redirects: [String: String]
    private let lock = NSLock()
    private var inFlight = 0
    private(set) var mostAtOnce = 0

    init(redirects: [String: String]) { self.redirects = redirects }

    func send(_ request: TransportRequest, deadline: Duration) async throws -> HTTPResponse {
      lock.withLock {
        inFlight += 1
        mostAtOnce = max(mostAtOnce, inFlight)
      }
      for _ in 0..<500 where lock.withLock({ mostAtOnce }) < ServiceNowClient.loginPages.count {
        try await Task.sleep(for: .milliseconds(10))
      }
      lock.withLock { inFlight -= 1 }
      guard let location = redirects[request.url.path.isEmpty ? "/" : request.url.path] else {
        return HTTPResponse(status: 200, headers: ["Content-Type": "text/html"])
      }
      return HTTPResponse(status: 302, headers: ["Location": location])
    }
  }

  func testTheLoginPagesAreAskedAtOnceAndTheFirstPageInOrderDecides() async {
    let transport = AllAtOnce(redirects: [
      "/login.do": "https://first.example.test/saml2?SAMLRequest=x",
      "/navpage.do": "https://second.example.test/authorize?client_id=y",
    ])
    let client = ServiceNowClient(instance: instance, transport: transport, deadline: .seconds(10))
    let found = await client.detectSingleSignOn()
    XCTAssertEqual(transport.mostAtOnce, 3, "all three login pages were in flight together")
    XCTAssertEqual(found, IdentityProviderRedirect(host: "first.example.test", kind: .saml))
  }

  func testTheLoginPagesTimingsStayApartFromTheClientsOwn() async throws {
    let server = SimulatorServer(configuration: .demo)
    try server.start()
    defer { server.stop() }
    let client = ServiceNowClient(instance: server.baseURL, deadline: .seconds(5))
    _ = await client.keepingTimingsApart().detectSingleSignOn()
    XCTAssertEqual(client.timings.take().count, 0, "the pages' timings went to the copy's log")
    _ = await client.probe()
    XCTAssertFalse(client.timings.take().isEmpty, "the client's own requests are still timed")
  }

  func testAnInstanceWithoutSSOHasNone() async throws {
    let found = try await detect(nil)
    XCTAssertNil(found, "/ redirects to /navpage.do on the instance itself, which is no provider")
  }
}
