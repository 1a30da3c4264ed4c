import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// libcurl's error codes (and OpenSSL's verify results) as `CurlTransport` reports them, for
/// the conditions that cannot be made cheaply on loopback. The message text is never read:
/// each case gives a misleading sentence to prove it.
final class NetworkFailureClassifierTests: XCTestCase {
  private let url = URL(string: "https://dev1.service-now.com/api/now/table/sys_user?sysparm_limit=1")!
  private let direct = NetworkFailureClassifier(proxy: ProxyEnvironment([:]))
  private let chain = [
    PresentedCertificate(
      subject: "CN=dev1.service-now.com", issuer: "CN=Corp Inspection CA, O=Corp",
      notBefore: Date(timeIntervalSince1970: 1_767_225_600),
      notAfter: Date(timeIntervalSince1970: 1_798_761_600))
  ]

  func testVerifyResultsTellUntrustedExpiredAndHostnameMismatch() async {
    let expected: [(Int, String)] = [
      (18, "tls.untrusted"), (19, "tls.untrusted"), (20, "tls.untrusted"), (21, "tls.untrusted"),
      (10, "tls.expired"), (9, "tls.expired"), (62, "tls.hostname_mismatch"), (0, "tls.hostname_mismatch"),
      (1, "tls.hostname_mismatch"), (27, "tls.untrusted"),
    ]
    for (verify, code) in expected {
      let failure = direct.classify(
        CurlFailure(
          code: 60, message: "misleading: host name mismatch", verifyResult: verify, presented: chain),
        url: url)
      XCTAssertEqual(failure.code, code, "verify result \(verify)")
    }
  }

  func testTLSFailureNamesThePresentedChain() async {
    let failure = direct.classify(
      CurlFailure(
        code: 60, message: "SSL certificate problem: unable to get local issuer certificate",
        verifyResult: 20, presented: chain), url: url)
    XCTAssertEqual(failure.code, "tls.untrusted")
    XCTAssertEqual(
      failure.detail,
      "SSL certificate problem: unable to get local issuer certificate. The server presented: "
        + "CN=dev1.service-now.com, issued by CN=Corp Inspection CA, O=Corp, valid 2026-01-01 to 2027-01-01.")
  }

  func testUntrustedRemedyNamesTheBundleOptionsBeforeTheSystemStore() async {
    let remedies = FailureCatalog.failure(.tlsUntrusted).remedies
    let first = try? XCTUnwrap(remedies.first)
    XCTAssertTrue(first?.contains("--ca-bundle") ?? false, remedies.joined(separator: "\n"))
    XCTAssertTrue(first?.contains("SNOWGATE_CA_BUNDLE") ?? false)
    XCTAssertTrue(first?.contains("SSL_CERT_FILE") ?? false)
    let systemStore = remedies.firstIndex { $0.contains("update-ca-certificates") }
    XCTAssertNotNil(systemStore)
    XCTAssertGreaterThan(systemStore ?? 0, 0)
  }

  func testHandshakeProblemsAreTLSFailed() async {
    for code in [35, 59, 77, 83] {
      let failure = direct.classify(CurlFailure(code: code, message: "certificate verify failed"), url: url)
      XCTAssertEqual(failure.code, "tls.failed", "\(code)")
    }
  }

  func testOurOwnCertificateThatLibcurlCannotLoadIsAConfigurationProblem() async {
    let failure = direct.classify(
      CurlFailure(code: 58, message: "unable to set private key file: 'k.pem' type PEM"), url: url)
    XCTAssertEqual(failure.code, "config.client_certificate")
    XCTAssertTrue(failure.detail?.contains("unable to set private key file") ?? false, failure.detail ?? "")
  }

  func testASessionCutRightAfterTheHandshakeIsARefusedClientCertificate() async {
    let afterHandshake = PhaseTimings(
      connect: .milliseconds(1), tls: .milliseconds(20), total: .milliseconds(21))
    for code in [55, 56] {
      let cut = direct.classify(
        CurlFailure(code: code, message: "misleading", timings: afterHandshake), url: url)
      XCTAssertEqual(cut.code, "tls.client_certificate_refused", "\(code)")
      XCTAssertTrue(cut.detail?.contains("client certificate") ?? false, cut.detail ?? "")
    }
    let answered = PhaseTimings(
      connect: .milliseconds(1), tls: .milliseconds(20), firstByte: .milliseconds(30),
      total: .milliseconds(31))
    XCTAssertEqual(
      direct.classify(CurlFailure(code: 56, timings: answered), url: url).code, "tcp.failed",
      "a connection cut mid-answer is the network's")
  }

  func testOurDeadlineIsHTTPTimeoutOrTCPTimeoutWhenNeverConnected() async {
    let waited = direct.classify(DeadlineExceeded(deadline: .seconds(10), connected: true), url: url)
    XCTAssertEqual(waited, ServiceNowFailure(.httpTimeout, detail: "No complete answer within 10 s."))
    let never = direct.classify(DeadlineExceeded(deadline: .seconds(10), connected: false), url: url)
    XCTAssertEqual(never.code, "tcp.timeout")
    XCTAssertTrue(never.detail?.contains("dev1.service-now.com:443") ?? false, never.detail ?? "")
  }

  func testCurlCodesMapToTheirCodes() async {
    let expected: [(CurlFailure, String)] = [
      (CurlFailure(code: 6), "dns.not_found"), (CurlFailure(code: 7, osErrno: 111), "tcp.refused"),
      (CurlFailure(code: 7, osErrno: 113), "tcp.failed"), (CurlFailure(code: 52), "instance.unavailable"),
      (CurlFailure(code: 56), "tcp.failed"), (CurlFailure(code: 55), "tcp.failed"),
      (CurlFailure(code: 8), "http.bad_response"), (CurlFailure(code: 61), "http.bad_response"),
      (CurlFailure(code: 27), "http.too_large"), (CurlFailure(code: 1), "url.invalid"),
      (CurlFailure(code: 3), "url.invalid"), (CurlFailure(code: 5), "proxy.failed"),
      (CurlFailure(code: 97), "proxy.failed"), (CurlFailure(code: 42), "client.cancelled"),
    ]
    for (failure, code) in expected {
      XCTAssertEqual(direct.classify(failure, url: url).code, code, "CURLcode \(failure.code)")
    }
  }

  func testTooLargeAnswersSayWhichPartAndTheLimit() async {
    let body = direct.classify(ResponseTooLarge(part: .body, limit: 4 * 1024 * 1024), url: url)
    XCTAssertEqual(body.code, "http.too_large")
    XCTAssertEqual(body.detail, "The answer's body passed snowgate's limit of 4 MiB; reading stopped there.")
    let headers = direct.classify(ResponseTooLarge(part: .headers, limit: 64 * 1024), url: url)
    XCTAssertTrue(headers.detail?.contains("headers") ?? false)
    XCTAssertTrue(headers.detail?.contains("64 KiB") ?? false)
  }

  func testRefusedWithAProxySetIsProxyFailedUnlessNoProxyMatches() async {
    let proxied = NetworkFailureClassifier(
      proxy: ProxyEnvironment(["HTTPS_PROXY": "http://user:pw@proxy.corp:3128"]))
    let failure = proxied.classify(CurlFailure(code: 7, osErrno: 111), url: url)
    XCTAssertEqual(failure.code, "proxy.failed")
    XCTAssertTrue(failure.detail?.contains("proxy.corp:3128") ?? false)
    XCTAssertFalse(failure.detail?.contains("pw") ?? true, "proxy credentials never shown")
    let bypassed = NetworkFailureClassifier(
      proxy: ProxyEnvironment(["https_proxy": "proxy.corp:3128", "NO_PROXY": "localhost,.service-now.com"]))
    XCTAssertEqual(bypassed.classify(CurlFailure(code: 7, osErrno: 111), url: url).code, "tcp.refused")
  }

  func testProxyRefusingTheTunnelIsProxyFailed() async {
    let proxied = NetworkFailureClassifier(proxy: ProxyEnvironment(["ALL_PROXY": "http://proxy.corp:8080"]))
    let failure = proxied.classify(
      CurlFailure(code: 56, message: "CONNECT tunnel failed", proxyStatus: 407), url: url)
    XCTAssertEqual(failure.code, "proxy.failed")
  }

  func testUpperCaseHTTPProxyIsIgnoredForHTTPAsLibcurlDoes() async {
    let environment = ProxyEnvironment(["HTTP_PROXY": "http://proxy.corp:8080"])
    XCTAssertNil(environment.proxy(for: URL(string: "http://127.0.0.1:8080")!))
    XCTAssertEqual(
      ProxyEnvironment(["http_proxy": "proxy.corp:8080"]).proxyHost(for: URL(string: "http://x.example")!),
      "proxy.corp:8080")
  }

  func testLowerCaseWinsWhenBothCasesAreSetAsCurlDoes() async {
    let environment = ProxyEnvironment([
      "HTTPS_PROXY": "http://upper.corp:1", "https_proxy": "http://lower.corp:2",
      "NO_PROXY": "dev1.service-now.com", "no_proxy": "other.example",
    ])
    XCTAssertEqual(environment.proxy(for: url), "http://lower.corp:2", "no_proxy wins over NO_PROXY too")
    XCTAssertEqual(environment.chosen(scheme: "https")?.variable, "https_proxy")
  }

  func testDetailsDropQueryStringsThatCouldHoldAToken() async {
    let failure = direct.classify(
      CurlFailure(code: 35, message: "SSL: problem at https://x/oauth_revoke_token.do?token=S3CR3T-SENTINEL"),
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
