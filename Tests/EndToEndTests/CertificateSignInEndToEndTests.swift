import Foundation
import TestSupport
import XCTest

/// Certificate (mutual TLS) sign-in end to end: the real binary against a TLS front
/// (Tests/Fixtures/mtls_front.py) that requires a client certificate signed by a test CA and
/// forwards to `snowgate simulate` as the user the certificate is mapped to, as an instance with
/// certificate-based authentication does. Setup, check, api, token, profiles and logout; no
/// certificate, one from another CA and one mapped to nobody, each with its verdict; and the
/// file checks that run before anything is sent. The key's passphrase is a sentinel, grepped
/// for in every output and the request log.
final class CertificateSignInEndToEndTests: XCTestCase {
  static let passphrase = "S3CR3T-key-passphrase-SENTINEL"
  static let front = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/mtls_front.py")

  nonisolated(unsafe) static var certificates: TestCertificates?

  override class func setUp() {
    super.setUp()
    certificates = try? TestCertificates.make(passphrase: passphrase)
  }

  override class func tearDown() {
    certificates?.remove()
    super.tearDown()
  }

  private var workspace: ProfileWorkspace!
  private var tls: CheckLocalServer!
  private var logFile: URL!

  override func setUp() async throws {
    guard let certificates = Self.certificates else {
      throw XCTSkip("openssl could not make the test certificates")
    }
    workspace = try ProfileWorkspace()
    let simulator = try workspace.simulator()
    let user = "\(ProfileWorkspace.user):\(ProfileWorkspace.password)"
    tls = try CheckLocalServer(printingPort: [
      "python3", Self.front.path, "--cert", certificates.server.cert, "--key", certificates.server.key,
      "--ca",
      certificates.caFile, "--upstream", simulator.url.absoluteString, "--map",
      "snowgate test client=\(user)", "--map", "snowgate encrypted client=\(user)",
    ])
    logFile = workspace.folder.appendingPathComponent("requests.log")
  }

  override func tearDown() async throws {
    tls?.stop()
    workspace = nil
  }

  private var made: TestCertificates { Self.certificates! }
  private var instance: String { "https://localhost:\(tls.port)" }

  private func run(_ arguments: [String], _ environment: [String: String] = [:], stdin: String? = nil) throws
    -> Binary.Output
  {
    var env = ["SNOWGATE_KEY_PASSPHRASE": "", "SNOWGATE_LOG": logFile.path]
    env.merge(environment) { _, given in given }
    let output = try workspace.run(arguments, environment: env, stdin: stdin)
    workspace.assertNoSentinel([output.stdout, output.stderr], arguments.joined(separator: " "))
    return output
  }

  private func setup(
    _ name: String, _ pair: (cert: String, key: String), _ environment: [String: String] = [:],
    stdin: String? = nil, extra: [String] = []
  ) throws -> Binary.Output {
    try run(
      [
        "setup", name, "--no-input", "--instance", instance, "--auth", "certificate", "--cert", pair.cert,
        "--key", pair.key, "--ca-bundle", made.caFile, "--store", "file",
      ] + extra, environment, stdin: stdin)
  }

  private func assertLogClean(file: StaticString = #filePath, line: UInt = #line) {
    let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    XCTAssertFalse(log.contains("S3CR3T"), "the request log shows a secret", file: file, line: line)
  }

  // MARK: the success path

  func testACertificateProfileIsSetUpCheckedUsedByAPIAndSignedOut() throws {
    let setup = try setup("mtls", made.encrypted, ["SNOWGATE_KEY_PASSPHRASE": Self.passphrase])
    XCTAssertEqual(setup.status, 0, setup.stdout + setup.stderr)
    XCTAssertTrue(setup.stdout.contains("client certificate CN=snowgate encrypted client"), setup.stdout)
    XCTAssertTrue(setup.stdout.contains("signed in as \(ProfileWorkspace.user)"), setup.stdout)
    let config = workspace.text(of: workspace.configFile)
    XCTAssertTrue(config.contains(made.encrypted.cert), "the certificate's path is saved: \(config)")
    XCTAssertFalse(config.contains("S3CR3T"), "config.json holds a secret")
    XCTAssertTrue(
      workspace.text(of: workspace.credentialsFile).contains(Self.passphrase),
      "the passphrase went to the credentials file (--store file)")

    // The saved passphrase is used without the variable.
    let check = try run(["check", "mtls", "--json"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    let report = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(report["auth"] as? String, "certificate")
    let checks = try XCTUnwrap(report["checks"] as? [[String: Any]])
    func detail(_ id: String) -> String {
      (checks.first { $0["id"] as? String == id }?["detail"] as? String) ?? ""
    }
    XCTAssertTrue(
      detail("tls").contains("the client certificate CN=snowgate encrypted client is offered"), detail("tls"))
    XCTAssertTrue(detail("auth").contains("signed in as \(ProfileWorkspace.user)"), detail("auth"))

    let api = try run(["api", "-p", "mtls", "table/sys_user?sysparm_limit=1&sysparm_fields=user_name"])
    XCTAssertEqual(api.status, 0, api.stderr)
    XCTAssertTrue(api.stdout.contains("\"user_name\":\"\(ProfileWorkspace.user)\""), api.stdout)

    for arguments in [["token", "mtls"], ["token", "mtls", "--header"], ["token", "mtls", "--json"]] {
      let token = try run(arguments)
      XCTAssertEqual(token.status, 2, "\(arguments): \(token.stderr)")
      XCTAssertEqual(token.stdout, "")
      XCTAssertTrue(token.stderr.contains("signs in with a client certificate"), token.stderr)
    }

    let profiles = try run(["profiles"])
    XCTAssertEqual(profiles.status, 0, profiles.stderr)
    XCTAssertTrue(
      profiles.stdout.contains(
        "mtls: client certificate CN=snowgate encrypted client, issued by CN=snowgate test CA, valid "),
      profiles.stdout)
    let listing = try workspace.listing()
    let entry = try XCTUnwrap((listing["profiles"] as? [[String: Any]])?.first)
    let certificate = try XCTUnwrap(entry["client_certificate"] as? [String: Any])
    XCTAssertEqual(certificate["subject"] as? String, "CN=snowgate encrypted client")
    XCTAssertNotNil(certificate["not_after"] as? String)

    let logout = try run(["logout", "mtls"])
    XCTAssertEqual(logout.status, 0, logout.stderr)
    XCTAssertTrue(logout.stderr.contains("nothing to revoke"), logout.stderr)
    XCTAssertFalse(
      workspace.text(of: workspace.credentialsFile).contains(Self.passphrase),
      "the passphrase was not forgotten")
    let after = try run(["token", "mtls"])
    XCTAssertEqual(after.status, 3, after.stderr)
    XCTAssertTrue(
      after.stderr.contains("mtls is signed out: `snowgate setup mtls` signs in again"), after.stderr)
    let checkAfter = try run(["check", "mtls"])
    XCTAssertNotEqual(checkAfter.status, 0, checkAfter.stdout)
    assertLogClean()
  }

  func testThePassphraseCanComeOnStdinAndAPlainKeyNeedsNone() throws {
    let piped = try setup("piped", made.encrypted, stdin: Self.passphrase + "\n", extra: ["--password-stdin"])
    XCTAssertEqual(piped.status, 0, piped.stdout + piped.stderr)
    let plain = try setup("plain", made.client)
    XCTAssertEqual(plain.status, 0, plain.stdout + plain.stderr)
    XCTAssertTrue(plain.stdout.contains("signed in as \(ProfileWorkspace.user)"), plain.stdout)
    assertLogClean()
  }

  /// Support staff check a certificate without saving a profile: the same layers and verdicts.
  func testCheckInstanceTakesACertificateWithoutAProfile() throws {
    let base = [
      "check", "--instance", instance, "--auth", "certificate", "--ca-bundle", made.caFile, "--json",
    ]
    let check = try run(
      base + ["--cert", made.encrypted.cert, "--key", made.encrypted.key],
      ["SNOWGATE_KEY_PASSPHRASE": Self.passphrase])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    let report = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], check.stdout)
    XCTAssertEqual(report["auth"] as? String, "certificate")
    let checks = try XCTUnwrap(report["checks"] as? [[String: Any]])
    let auth = (checks.first { $0["id"] as? String == "auth" }?["detail"] as? String) ?? ""
    XCTAssertTrue(auth.contains("signed in as \(ProfileWorkspace.user)"), auth)
    XCTAssertEqual(try workspace.profileNames(), [], "check saved a profile")

    let missingKey = try run(base + ["--cert", made.client.cert])
    XCTAssertEqual(missingKey.status, 2, missingKey.stdout + missingKey.stderr)
    XCTAssertTrue(missingKey.stdout.contains("--cert FILE and --key FILE"), missingKey.stdout)
    let wrongKind = try run([
      "check", "--instance", instance, "--auth", "basic", "--username", "u", "--cert", "x",
    ])
    XCTAssertEqual(wrongKind.status, 2)
    XCTAssertTrue(
      wrongKind.stderr.contains("--cert and --key are for --auth certificate only"), wrongKind.stderr)
    assertLogClean()
  }

  // MARK: refusals, each with its verdict

  func testWithoutACertificateTheServerRefusesAndCheckNamesTheInstanceSetup() throws {
    let check = try run(
      [
        "check", "--instance", instance, "--username", ProfileWorkspace.user, "--ca-bundle", made.caFile,
        "--json",
      ], ["SNOWGATE_PASSWORD": ProfileWorkspace.password])
    XCTAssertEqual(check.status, 4, check.stdout + check.stderr)
    let report = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
    let diagnosis = try XCTUnwrap(report["diagnosis"] as? [String: Any])
    XCTAssertEqual(diagnosis["code"] as? String, "tls.client_certificate_refused")
    let remedies = (diagnosis["remedies"] as? [String] ?? []).joined(separator: "\n")
    XCTAssertTrue(remedies.contains("--auth certificate --cert FILE --key FILE"), remedies)
    XCTAssertTrue(remedies.contains("CA Certificate Chain"), remedies)
    XCTAssertTrue(remedies.contains("com.glide.auth.mutual"), remedies)
  }

  func testACertificateOfAnotherCAIsRefusedAndNothingIsSaved() throws {
    let setup = try setup("stranger", made.otherCA)
    XCTAssertEqual(setup.status, 4, setup.stdout + setup.stderr)
    XCTAssertTrue(setup.stderr.contains("(tls.client_certificate_refused)"), setup.stderr)
    XCTAssertTrue(setup.stdout.contains("sent the certificate \(made.otherCA.cert)"), setup.stdout)
    XCTAssertTrue(setup.stdout.contains("CA Certificate Chain"), setup.stdout)
    XCTAssertFalse(setup.stdout.contains("--auth certificate --cert FILE"), "a certificate was sent already")
    XCTAssertEqual(workspace.text(of: workspace.credentialsFile), "")
    XCTAssertFalse(workspace.text(of: workspace.configFile).contains("stranger"))
  }

  func testACertificateMappedToNoUserIsTheOrdinary401WithTheMappingAsRemedy() throws {
    let setup = try setup("unmapped", made.unmapped)
    XCTAssertEqual(setup.status, 3, setup.stdout + setup.stderr)
    XCTAssertTrue(setup.stderr.contains("(auth.certificate_rejected)"), setup.stderr)
    XCTAssertTrue(setup.stdout.contains("User to Certificate Mapping"), setup.stdout)
  }

  // MARK: the files, checked before anything is sent

  func testEachFileProblemIsSaidBeforeAnythingIsSent() throws {
    let missing = made.path("missing.pem")
    let cases: [(String, (cert: String, key: String), [String: String], String, String)] = [
      ("missing", (missing, made.client.key), [:], "config.client_certificate", "there is no such file"),
      (
        "notpem", (made.client.key, made.client.key), [:], "config.client_certificate",
        "holds no PEM certificate"
      ),
      (
        "keynotpem", (made.client.cert, made.client.cert), [:], "config.client_certificate",
        "holds no PEM private key"
      ),
      (
        "mismatch", (made.client.cert, made.unmapped.key), [:], "config.client_certificate",
        "does not belong to"
      ),
      ("expired", made.expiredClient, [:], "config.client_certificate_expired", "has expired"),
      ("nopass", made.encrypted, [:], "config.client_certificate", "SNOWGATE_KEY_PASSPHRASE"),
      (
        "wrongpass", made.encrypted, ["SNOWGATE_KEY_PASSPHRASE": "S3CR3T-wrong"], "config.client_certificate",
        "does not open the key"
      ),
    ]
    for (name, pair, environment, code, words) in cases {
      let setup = try setup(name, pair, environment)
      XCTAssertEqual(setup.status, 2, "\(name): \(setup.stderr)")
      XCTAssertTrue(setup.stderr.contains("(\(code))"), "\(name): \(setup.stderr)")
      XCTAssertTrue(setup.stdout.contains(words), "\(name): \(setup.stdout)")
      XCTAssertTrue(setup.stdout.contains("Instance       skipped: TLS failed"), "\(name): \(setup.stdout)")
    }
    let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    XCTAssertFalse(log.contains("sys_user"), "a request went out for files that cannot be used: \(log)")
    XCTAssertEqual(workspace.text(of: workspace.credentialsFile), "")
  }

  func testAKeyOthersMayReadIsWarnedAboutLikeSSH() throws {
    let open = made.path("open.key")
    try FileManager.default.copyItem(atPath: made.client.key, toPath: open)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open)
    let setup = try setup("open", (made.client.cert, open))
    XCTAssertEqual(setup.status, 0, setup.stdout + setup.stderr)
    XCTAssertTrue(setup.stderr.contains("can be read by other users (mode 644)"), setup.stderr)
    XCTAssertTrue(setup.stderr.contains("chmod 600 \(open)"), setup.stderr)
    let check = try run(["check", "open"])
    XCTAssertTrue(check.stdout.contains("chmod 600 \(open)"), check.stdout)
  }
}
