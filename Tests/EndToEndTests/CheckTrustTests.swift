import Foundation
import TestSupport
import XCTest

/// TLS facts from libcurl's codes against `openssl s_server` with a test CA: a custom CA
/// trusted through `--ca-bundle`, `SNOWGATE_CA_BUNDLE` and `SSL_CERT_FILE`, and without it
/// `tls.untrusted` naming the issuer; an expired certificate; a certificate for another host.
final class CheckTrustTests: XCTestCase {
  nonisolated(unsafe) static var certificates: TestCertificates?

  override class func setUp() {
    super.setUp()
    certificates = try? TestCertificates.make()
  }

  override class func tearDown() {
    certificates?.remove()
    super.tearDown()
  }

  private func made() throws -> TestCertificates {
    guard let certificates = Self.certificates else {
      throw XCTSkip("openssl could not make test certificates")
    }
    return certificates
  }

  private func server(_ pair: (cert: String, key: String)) throws -> CheckLocalServer {
    try CheckLocalServer([
      "openssl", "s_server", "-quiet", "-www", "-accept", "127.0.0.1:{port}", "-cert", pair.cert, "-key",
      pair.key,
    ])
  }

  private func check(_ port: Int, _ extra: [String] = [], environment: [String: String] = [:]) throws
    -> CheckRun
  {
    var env = ["SNOWGATE_PASSWORD": "admin"]
    env.merge(environment) { _, given in given }
    return try CheckRun.run(
      ["check", "--instance", "https://localhost:\(port)", "--username", "admin", "--json", "--timeout", "5"]
        + extra, environment: env)
  }

  /// The trusted server is not ServiceNow (s_server's status page): TLS passed, the next layer failed.
  private func assertTrusted(_ run: CheckRun, bundle: String) throws {
    XCTAssertEqual(try run.code(), "instance.not_servicenow", run.stdout + run.stderr)
    XCTAssertEqual(try run.check("tls")?["status"] as? String, "pass")
    let detail = try XCTUnwrap(try run.check("tls")?["detail"] as? String)
    XCTAssertTrue(detail.contains(bundle), detail)
  }

  func testACustomCAIsTrustedWithCABundle() throws {
    let certificates = try made()
    let tls = try server(certificates.server)
    defer { tls.stop() }
    try assertTrusted(try check(tls.port, ["--ca-bundle", certificates.caFile]), bundle: certificates.caFile)
  }

  func testACustomCAIsTrustedWithTheSnowgateVariableAndSSLCertFile() throws {
    let certificates = try made()
    let tls = try server(certificates.server)
    defer { tls.stop() }
    try assertTrusted(
      try check(tls.port, environment: ["SNOWGATE_CA_BUNDLE": certificates.caFile]),
      bundle: certificates.caFile)
    try assertTrusted(
      try check(tls.port, environment: ["SSL_CERT_FILE": certificates.caFile]), bundle: certificates.caFile)
  }

  func testWithoutTheBundleTheCAIsUntrustedAndTheIssuerIsNamed() throws {
    let certificates = try made()
    let tls = try server(certificates.server)
    defer { tls.stop() }
    let run = try check(tls.port)
    XCTAssertEqual(try run.code(), "tls.untrusted", run.stdout)
    XCTAssertEqual(run.status, 4)
    let detail = try XCTUnwrap(try run.check("tls")?["detail"] as? String)
    XCTAssertTrue(detail.contains("CN=localhost, issued by CN=snowgate test CA"), detail)
    let remedies = try XCTUnwrap((try run.json()["diagnosis"] as? [String: Any])?["remedies"] as? [String])
    XCTAssertTrue(remedies.first?.contains("--ca-bundle") ?? false, "\(remedies)")
    let human = try CheckRun.run(
      ["check", "--instance", "https://localhost:\(tls.port)", "--username", "admin", "--timeout", "5"],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertTrue(human.stdout.contains("issued by CN=snowgate test CA"), human.stdout)
  }

  func testAnExpiredCertificateIsTLSExpired() throws {
    let certificates = try made()
    let tls = try server(certificates.expiredServer)
    defer { tls.stop() }
    let run = try check(tls.port, ["--ca-bundle", certificates.caFile])
    XCTAssertEqual(try run.code(), "tls.expired", run.stdout)
    XCTAssertEqual(run.status, 4)
    let detail = try XCTUnwrap(try run.check("tls")?["detail"] as? String)
    XCTAssertTrue(detail.contains("valid "), detail)
  }

  func testACertificateForAnotherHostIsHostnameMismatch() throws {
    let certificates = try made()
    let tls = try server(certificates.otherHost)
    defer { tls.stop() }
    let run = try check(tls.port, ["--ca-bundle", certificates.caFile])
    XCTAssertEqual(try run.code(), "tls.hostname_mismatch", run.stdout)
    XCTAssertEqual(run.status, 4)
    let detail = try XCTUnwrap(try run.check("tls")?["detail"] as? String)
    XCTAssertTrue(detail.contains("issued by CN=snowgate test CA"), detail)
  }

  func testSetupSavesTheCABundleInTheProfileAndCheckTrustsIt() throws {
    let certificates = try made()
    let tls = try server(certificates.server)
    defer { tls.stop() }
    let config = URL(fileURLWithPath: certificates.path("config-\(UUID().uuidString.prefix(6))"))
    // s_server is not ServiceNow, so the setup's test fails; --save-anyway keeps the profile.
    let setup = try CheckRun.run(
      [
        "setup", "trusted", "--no-input", "--store", "file", "--instance", "https://localhost:\(tls.port)",
        "--auth", "basic",
        "--username", "admin", "--ca-bundle", certificates.caFile, "--save-anyway",
      ], environment: ["SNOWGATE_PASSWORD": "admin"], configDirectory: config)
    let saved = try String(contentsOf: config.appendingPathComponent("config.json"), encoding: .utf8)
    XCTAssertTrue(saved.contains("caBundle"), setup.stdout + setup.stderr + saved)
    let run = try CheckRun.run(
      ["check", "trusted", "--json", "--timeout", "5"], environment: ["SNOWGATE_PASSWORD": "admin"],
      configDirectory: config)
    try assertTrusted(run, bundle: certificates.caFile)
  }

  func testTheChainIsInTheSupportBundle() throws {
    let certificates = try made()
    let tls = try server(certificates.server)
    defer { tls.stop() }
    let bundle = certificates.path("bundle-\(UUID().uuidString.prefix(6)).txt")
    let run = try check(tls.port, ["--bundle", bundle])
    XCTAssertEqual(try run.code(), "tls.untrusted", run.stdout)
    let text = try String(contentsOfFile: bundle, encoding: .utf8)
    XCTAssertTrue(text.contains("issued by CN=snowgate test CA"), text)
  }

  /// The chain is a field, not only words: a script reads who presented the certificate.
  func testThePresentedChainIsAStructuredFieldOfTheTLSCheckInTheJSONAndTheBundle() throws {
    let certificates = try made()
    let tls = try server(certificates.server)
    defer { tls.stop() }
    let bundle = certificates.path("bundle-\(UUID().uuidString.prefix(6)).txt")
    let run = try check(tls.port, ["--bundle", bundle])
    XCTAssertEqual(try run.code(), "tls.untrusted", run.stdout)
    let chain = try XCTUnwrap(try run.check("tls")?["presented_chain"] as? [[String: Any]], run.stdout)
    let leaf = try XCTUnwrap(chain.first)
    XCTAssertEqual(Set(leaf.keys), ["subject", "issuer", "not_before", "not_after"])
    XCTAssertEqual(leaf["subject"] as? String, "CN=localhost")
    XCTAssertEqual(leaf["issuer"] as? String, "CN=snowgate test CA")
    let format = ISO8601DateFormatter()
    let notBefore = try XCTUnwrap((leaf["not_before"] as? String).flatMap(format.date(from:)), "\(leaf)")
    let notAfter = try XCTUnwrap((leaf["not_after"] as? String).flatMap(format.date(from:)), "\(leaf)")
    XCTAssertLessThan(notBefore, Date())
    XCTAssertGreaterThan(notAfter, Date(), "the test certificate is valid for 2 days")
    for check in try XCTUnwrap(try run.json()["checks"] as? [[String: Any]])
    where check["id"] as? String != "tls" {
      XCTAssertTrue(check["presented_chain"] is NSNull, "only the TLS line has a chain: \(check)")
    }
    let text = try String(contentsOfFile: bundle, encoding: .utf8)
    XCTAssertTrue(text.contains("\"presented_chain\""), text)
    XCTAssertTrue(
      text.contains("\"subject\" : \"CN=localhost\"") || text.contains("\"subject\": \"CN=localhost\""), text)
  }

  func testAnExpiredLeafShowsItsPastValidityInThePresentedChain() throws {
    let certificates = try made()
    let tls = try server(certificates.expiredServer)
    defer { tls.stop() }
    let run = try check(tls.port, ["--ca-bundle", certificates.caFile])
    XCTAssertEqual(try run.code(), "tls.expired", run.stdout)
    let chain = try XCTUnwrap(try run.check("tls")?["presented_chain"] as? [[String: Any]], run.stdout)
    let notAfter = try XCTUnwrap(
      (chain.first?["not_after"] as? String).flatMap(ISO8601DateFormatter().date(from:)), "\(chain)")
    XCTAssertLessThan(notAfter, Date(), "an expired certificate's end lies in the past")
  }

  func testAHealthyTLSCheckHasNoChain() throws {
    let certificates = try made()
    let tls = try server(certificates.server)
    defer { tls.stop() }
    let run = try check(tls.port, ["--ca-bundle", certificates.caFile])
    XCTAssertEqual(try run.check("tls")?["status"] as? String, "pass", run.stdout)
    XCTAssertTrue(try run.check("tls")?["presented_chain"] is NSNull, run.stdout)
  }
}
