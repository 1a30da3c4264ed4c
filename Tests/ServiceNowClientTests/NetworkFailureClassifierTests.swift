import Foundation
import ServiceNowClient
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// URLErrors as FoundationNetworking raises them on Linux (libcurl's text in the message),
/// for the conditions that cannot be made cheaply on loopback.
final class NetworkFailureClassifierTests: XCTestCase {
  private let url = URL(string: "https://dev1.service-now.com/api/now/table/sys_user?sysparm_limit=1")!
  private let direct = NetworkFailureClassifier(proxy: ProxyEnvironment([:]))

  /// A URLError shaped like Linux's: a code and libcurl's sentence as the description.
  private func curlError(_ code: Int, _ message: String) -> NSError {
    NSError(domain: NSURLErrorDomain, code: code, userInfo: [NSLocalizedDescriptionKey: message])
  }

  func testLibcurlTrustFailuresAreUntrusted() async {
    let messages = [
      "SSL certificate problem: self signed certificate",
      "SSL certificate problem: self-signed certificate in certificate chain",
      "SSL certificate problem: unable to get local issuer certificate",
      "SSL certificate problem: certificate has expired",
      "server certificate verification failed. CAfile: none CRLfile: none",
      "Peer certificate cannot be authenticated with given CA certificates",
    ]
    for message in messages {
      XCTAssertEqual(direct.classify(curlError(-1, message), url: url).code, "tls.untrusted", message)
    }
  }

  func testLibcurlNameFailuresAreHostnameMismatch() async {
    let messages = [
      "SSL: no alternative certificate subject name matches target host name 'dev1.service-now.com'",
      "SSL: certificate subject name 'other.example' does not match target host name 'dev1.service-now.com'",
    ]
    for message in messages {
      let failure = direct.classify(curlError(-1, message), url: url)
      XCTAssertEqual(failure.code, "tls.hostname_mismatch", message)
      XCTAssertEqual(failure.detail, message)
    }
  }

  func testOtherTLSFailuresAreTLSFailed() async {
    let failure = direct.classify(
      curlError(-1, "OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to dev1.service-now.com:443"),
      url: url)
    XCTAssertEqual(failure.code, "tls.failed")
  }

  func testTimeoutWhileConnectingIsTCPTimeoutAndWhileWaitingIsHTTPTimeout() async {
    let connect = direct.classify(curlError(-1001, "Connection timed out after 10001 milliseconds"), url: url)
    let wait = direct.classify(
      curlError(-1001, "Operation timed out after 10000 milliseconds with 0 bytes received"), url: url)
    XCTAssertEqual(connect.code, "tcp.timeout")
    XCTAssertEqual(wait.code, "http.timeout")
  }

  func testURLErrorCodesMapToTheirCodes() async {
    let expected: [(URLError.Code, String)] = [
      (.cannotFindHost, "dns.not_found"), (.cannotConnectToHost, "tcp.refused"),
      (.httpTooManyRedirects, "http.bad_response"), (.badServerResponse, "instance.unavailable"),
      (.networkConnectionLost, "tcp.failed"), (.cancelled, "client.cancelled"),
      (.unsupportedURL, "url.invalid"),
    ]
    for (code, failureCode) in expected {
      XCTAssertEqual(direct.classify(URLError(code), url: url).code, failureCode, "\(code)")
    }
  }

  func testOurDeadlineIsHTTPTimeoutSayingHowLong() async {
    let failure = direct.classify(DeadlineExceeded(deadline: .seconds(10)), url: url)
    XCTAssertEqual(failure, ServiceNowFailure(.httpTimeout, detail: "No complete answer within 10 s."))
  }

  func testRefusedWithAProxySetIsProxyFailedUnlessNoProxyMatches() async {
    let proxied = NetworkFailureClassifier(
      proxy: ProxyEnvironment(["HTTPS_PROXY": "http://user:pw@proxy.corp:3128"]))
    let failure = proxied.classify(URLError(.cannotConnectToHost), url: url)
    XCTAssertEqual(failure.code, "proxy.failed")
    XCTAssertTrue(failure.detail?.contains("proxy.corp:3128") ?? false)
    XCTAssertFalse(failure.detail?.contains("pw") ?? true, "proxy credentials never shown")
    let bypassed = NetworkFailureClassifier(
      proxy: ProxyEnvironment(["https_proxy": "proxy.corp:3128", "NO_PROXY": "localhost,.service-now.com"]))
    XCTAssertEqual(bypassed.classify(URLError(.cannotConnectToHost), url: url).code, "tcp.refused")
  }

  func testProxyRefusingTheTunnelIsProxyFailed() async {
    let proxied = NetworkFailureClassifier(proxy: ProxyEnvironment(["ALL_PROXY": "http://proxy.corp:8080"]))
    let failure = proxied.classify(curlError(-1, "Received HTTP code 407 from proxy after CONNECT"), url: url)
    XCTAssertEqual(failure.code, "proxy.failed")
  }

  func testUpperCaseHTTPProxyIsIgnoredForHTTPAsLibcurlDoes() async {
    let environment = ProxyEnvironment(["HTTP_PROXY": "http://proxy.corp:8080"])
    XCTAssertNil(environment.proxy(for: URL(string: "http://127.0.0.1:8080")!))
    XCTAssertEqual(
      ProxyEnvironment(["http_proxy": "proxy.corp:8080"]).proxyHost(for: URL(string: "http://x.example")!),
      "proxy.corp:8080")
  }

  func testDetailsDropQueryStringsThatCouldHoldAToken() async {
    let failure = direct.classify(
      curlError(-1, "SSL: certificate problem at https://x/oauth_revoke_token.do?token=S3CR3T-SENTINEL"),
      url: url)
    XCTAssertFalse(failure.detail?.contains("S3CR3T") ?? true, failure.detail ?? "")
  }

  func testEveryCodeHasASummaryAndRemedies() async {
    for code in FailureCode.allCases {
      let failure = FailureCatalog.failure(code)
      XCTAssertEqual(failure.code, code.rawValue)
      XCTAssertTrue(failure.summary.hasSuffix("."), code.rawValue)
      XCTAssertFalse(failure.remedies.isEmpty, code.rawValue)
    }
  }
}
