import Foundation
import XCTest

/// What a hostile server sends never reaches the terminal raw and never reveals a secret: every
/// output of `snowgate check` (text, `--json`, `--verbose`, `SNOWGATE_LOG`, the bundle) is
/// grepped for every form of the sentinel secrets and for control characters.
final class HostileServerTests: XCTestCase {
  static let password = "pw-S3NT1NEL+/é \"q\""
  static let clientSecret = "cs-S3NT1NEL-client-secret"
  static let user = "admin"

  /// Every form a server could echo a secret in: as is, percent-encoded, JSON-escaped, base64
  /// and base64url, alone and as the `user:password` of a Basic header.
  static func forms(of secret: String, user: String) -> [String] {
    let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    let percent = secret.utf8.map {
      unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0)
    }
    .joined()
    let json = String(
      String(decoding: try! JSONSerialization.data(withJSONObject: [secret]), as: UTF8.self).dropFirst(2)
        .dropLast(2))
    var forms = [secret, percent, json, json.replacingOccurrences(of: "\\/", with: "/")]
    for value in [secret, "\(user):\(secret)"] {
      let standard = Data(value.utf8).base64EncodedString()
      let url = standard.replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_")
      forms += [standard, url]
    }
    return forms
  }

  static var sentinels: [String] {
    forms(of: password, user: user) + forms(of: clientSecret, user: "snowgate-demo")
      + HostileServer.sentinelTokens
      + ["S3NT1NEL"]
  }

  /// The outputs of one connection checked four ways, each with a log and a bundle.
  func outputs(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws
    -> [(String, String)]
  {
    var all: [(String, String)] = []
    for format in [[], ["--json"], ["--verbose"], ["--json", "--verbose"]] {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "sg-hostile-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let log = folder.appendingPathComponent("log.txt").path
      let bundle = folder.appendingPathComponent("bundle.txt").path
      let run = try CheckRun.run(
        ["check", "--timeout", "5", "--bundle", bundle] + arguments + format,
        environment: [
          "SNOWGATE_PASSWORD": Self.password, "SNOWGATE_CLIENT_SECRET": Self.clientSecret,
          "SNOWGATE_LOG": log,
        ])
      XCTAssertLessThan(run.status, 8, "crashed: \(run.stderr)", file: file, line: line)
      let name = format.joined(separator: " ")
      all.append(("stdout \(name)", run.stdout))
      all.append(("stderr \(name)", run.stderr))
      all.append(("log \(name)", (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
      let bundleText = (try? String(contentsOfFile: bundle, encoding: .utf8)) ?? ""
      XCTAssertFalse(bundleText.isEmpty, "no bundle \(name): \(run.stderr)", file: file, line: line)
      all.append(("bundle \(name)", bundleText))
    }
    return all
  }

  /// Fails for any sentinel form or any character a terminal would act on in any output.
  func assertClean(
    _ outputs: [(String, String)], _ mode: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    for (name, text) in outputs {
      for sentinel in Self.sentinels where text.contains(sentinel) {
        XCTFail("\(mode) \(name): \(sentinel) appears in\n\(text)", file: file, line: line)
      }
      let controls = text.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
      }
      XCTAssertTrue(
        controls.isEmpty, "\(mode) \(name): control characters \(controls.map(\.value)) in\n\(text)",
        file: file, line: line)
    }
  }

  static let basic = ["--auth", "basic", "--username", user]
  static let passwordGrant = ["--auth", "password", "--username", user, "--client-id", "snowgate-demo"]

  func testAnEchoingServerSeesNoFormOfTheSecretInAnyOutput() async throws {
    let server = try HostileServer(mode: "echo")
    defer { server.stop() }
    for auth in [Self.basic, Self.passwordGrant] {
      let all = try outputs(["--instance", server.url] + auth)
      assertClean(all, "echo \(auth[1])")
      // The echo did arrive and was shown, masked: the proof is not an empty log.
      let verbose = all.first { $0.0 == "stdout --verbose" }?.1 ?? ""
      XCTAssertTrue(verbose.contains("X-Echo"), verbose)
      XCTAssertTrue(verbose.contains("••••••"), verbose)
    }
  }

  func testEveryOutputSaysTheSameDetailOfAnEchoedMessage() async throws {
    let server = try HostileServer(mode: "echo")
    defer { server.stop() }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sg-same-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = ["check", "--instance", server.url, "--timeout", "5"] + Self.basic
    // One run each (the echo differs between runs): JSON with the verbose log on stderr, and text.
    for format in [["--json", "--verbose"], ["--verbose"]] {
      let log = folder.appendingPathComponent("log-\(format.count)").path
      let run = try CheckRun.run(
        base + format, environment: ["SNOWGATE_PASSWORD": Self.password, "SNOWGATE_LOG": log])
      let logged = try String(contentsOfFile: log, encoding: .utf8)
      let line = try XCTUnwrap(
        logged.split(separator: "\n").last { $0.hasPrefix("! auth.basic_rejected: ") }, logged)
      let detail = String(line.dropFirst("! auth.basic_rejected: ".count))
      XCTAssertTrue(
        detail.contains("Authorization: Basic ••••••"), "the echo is in the detail, masked: \(detail)")
      if format.count == 2 {
        XCTAssertEqual(try run.check("auth")?["detail"] as? String, detail, "JSON and the log disagree")
        XCTAssertTrue(run.stderr.contains(String(line)), "--verbose and the log disagree:\n\(run.stderr)")
      } else {
        XCTAssertTrue(
          run.stdout.contains("✗ Auth           \(detail)"), "text and the log disagree:\n\(run.stdout)")
        XCTAssertTrue(run.stdout.contains(String(line)), "--verbose and the log disagree")
      }
    }
  }

  func testEscapeSequencesFromAServerAreShownNotObeyed() async throws {
    let server = try HostileServer(mode: "ansi")
    defer { server.stop() }
    for auth in [Self.basic, Self.passwordGrant] {
      let all = try outputs(["--instance", server.url] + auth)
      assertClean(all, "ansi \(auth[1])")
      let text = all.first { $0.0 == "stdout " }?.1 ?? ""
      XCTAssertTrue(text.contains("␛]0;PWNED-TITLE"), "the hostile text is shown, made visible:\n\(text)")
    }
    let headers = try HostileServer(mode: "ansi-headers")
    defer { headers.stop() }
    assertClean(try outputs(["--instance", headers.url] + Self.basic), "ansi-headers")
  }

  func testUnparseableTokenAnswersNeverLogTheirTokens() async throws {
    for mode in ["token-trailing", "token-truncated", "token-form", "token-html", "token-absurd"] {
      let server = try HostileServer(mode: mode)
      defer { server.stop() }
      let all = try outputs(["--instance", server.url] + Self.passwordGrant)
      assertClean(all, mode)
      let json = all.first { $0.0 == "stdout --json" }?.1 ?? ""
      XCTAssertTrue(json.contains("oauth."), "\(mode): \(json)")
    }
  }

  func testARedirectToAnotherPortIsNotFollowedWithTheCredentials() async throws {
    let hits = FileManager.default.temporaryDirectory.appendingPathComponent("sg-hits-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: hits) }
    let recorder = try CheckLocalServer([
      "python3", "-c",
      """
      import http.server, sys
      class H(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              n = int(self.headers.get('Content-Length') or 0)
              body = self.rfile.read(n).decode('utf-8', 'replace') if n else ''
              open(sys.argv[2], 'a').write(self.requestline + ' ' + str(self.headers.get('Authorization')) + ' ' + body + '\\n')
              self.send_response(404); self.send_header('Content-Length', '0'); self.end_headers()
          do_POST = do_GET
          def log_message(self, *a): pass
      http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
      """, "{port}", hits.path,
    ])
    defer { recorder.stop() }
    let server = try HostileServer(mode: "redirect", otherPort: recorder.port)
    defer { server.stop() }
    let all = try outputs(["--instance", server.url] + Self.basic)
    assertClean(all, "redirect")
    assertClean(try outputs(["--instance", server.url] + Self.passwordGrant), "redirect password grant")
    let recorded = (try? String(contentsOf: hits, encoding: .utf8)) ?? ""
    XCTAssertFalse(recorded.contains("Basic"), "credentials followed the redirect: \(recorded)")
    XCTAssertFalse(recorded.contains("S3NT1NEL"), "a secret followed the redirect: \(recorded)")
    let text = all.first { $0.0 == "stdout " }?.1 ?? ""
    XCTAssertTrue(text.contains("127.0.0.1:\(recorder.port)"), "the redirect's Location is shown:\n\(text)")
  }

  func testAHugeAnswerEndsInAVerdictNotACrash() async throws {
    let server = try HostileServer(mode: "huge")
    defer { server.stop() }
    let run = try CheckRun.run(
      ["check", "--instance", server.url, "--json", "--timeout", "20"] + Self.basic,
      environment: ["SNOWGATE_PASSWORD": Self.password])
    XCTAssertLessThan(run.status, 8, run.stderr)
    XCTAssertNotNil(try run.code(), run.stdout)
  }

  func testSetupAgainstAHostileServerPrintsNoSecretAndNoEscape() async throws {
    for mode in ["echo", "ansi", "token-html"] {
      let server = try HostileServer(mode: mode)
      defer { server.stop() }
      for auth in [Self.basic, Self.passwordGrant] {
        let run = try CheckRun.run(
          ["setup", "hostile", "--no-input", "--store", "file", "--instance", server.url] + auth,
          environment: ["SNOWGATE_PASSWORD": Self.password, "SNOWGATE_CLIENT_SECRET": Self.clientSecret],
          configDirectory: FileManager.default.temporaryDirectory.appendingPathComponent(
            "sg-hostile-setup-\(UUID().uuidString)"))
        XCTAssertNotEqual(run.status, 0, "setup saved a hostile server: \(run.stderr)")
        assertClean([("setup stdout", run.stdout), ("setup stderr", run.stderr)], "setup \(mode) \(auth[1])")
        if mode == "ansi" && auth == Self.basic {
          XCTAssertTrue(
            run.stdout.contains("␛]0;PWNED-TITLE"), "the message is shown, made visible: \(run.stdout)")
        }
      }
    }
  }

  func testSavedProfilesOfHostileServersPrintNoSecretAndNoEscapeInTokenAndCheck() async throws {
    for mode in ["echo", "ansi", "token-html", "token-form"] {
      let server = try HostileServer(mode: mode)
      defer { server.stop() }
      let config = FileManager.default.temporaryDirectory.appendingPathComponent(
        "sg-hostile-saved-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: config) }
      let secrets = [
        "SNOWGATE_PASSWORD": Self.password, "SNOWGATE_CLIENT_SECRET": Self.clientSecret,
        "SNOWGATE_LOG": config.path + ".log",
      ]
      defer { try? FileManager.default.removeItem(atPath: config.path + ".log") }
      let setup = try CheckRun.run(
        ["setup", "hostile", "--no-input", "--store", "file", "--instance", server.url, "--save-anyway"]
          + Self.passwordGrant,
        environment: secrets, configDirectory: config)
      XCTAssertEqual(setup.status, 0, "\(mode): --save-anyway did not save: \(setup.stderr)")
      var outputs = [("setup stdout", setup.stdout), ("setup stderr", setup.stderr)]
      for arguments in [
        ["token", "hostile"], ["check", "hostile", "--verbose"], ["check", "hostile", "--json", "--verbose"],
        ["profiles"], ["logout", "hostile"],
      ] {
        let run = try CheckRun.run(arguments, environment: secrets, configDirectory: config)
        XCTAssertLessThan(run.status, 8, "\(arguments) crashed: \(run.stderr)")
        if arguments[0] == "token" {
          XCTAssertNotEqual(run.status, 0, "\(mode): a hostile server gave a token: \(run.stdout)")
          XCTAssertTrue(run.stdout.isEmpty, "\(mode): token printed \(run.stdout)")
        }
        outputs += [("\(arguments) stdout", run.stdout), ("\(arguments) stderr", run.stderr)]
      }
      outputs.append(("log", (try? String(contentsOfFile: config.path + ".log", encoding: .utf8)) ?? ""))
      assertClean(outputs, "saved \(mode)")
    }
  }

  // MARK: our own words are never rewritten

  func testAPasswordThatIsAWordOfOurSentencesLeavesThemIntactAndAgreesWithJSON() async throws {
    for (scenario, password, words) in [
      (nil as String?, "instance", "The instance refused the user name and password"),
      ("rate-limited", "admin", "ask an admin to check the REST rate limit rules"),
    ] {
      let simulator = try SimulatorProcess(scenario: scenario)
      defer { simulator.stop() }
      let base = ["check", "--instance", simulator.url.absoluteString, "--timeout", "5"] + Self.basic
      let human = try CheckRun.run(base, environment: ["SNOWGATE_PASSWORD": password])
      let json = try CheckRun.run(base + ["--json"], environment: ["SNOWGATE_PASSWORD": password])
      XCTAssertTrue(human.stdout.contains(words), "\(password): \(human.stdout)")
      XCTAssertFalse(human.stdout.contains("••••••"), "our own words were masked: \(human.stdout)")
      let diagnosis = try XCTUnwrap(try json.json()["diagnosis"] as? [String: Any])
      let summary = try XCTUnwrap(diagnosis["summary"] as? String)
      XCTAssertTrue(human.stdout.contains(summary), "human and JSON disagree: \(summary)\n\(human.stdout)")
      for remedy in diagnosis["remedies"] as? [String] ?? [] {
        XCTAssertTrue(human.stdout.contains(remedy), "human and JSON disagree: \(remedy)\n\(human.stdout)")
      }
      XCTAssertEqual(human.status, json.status)
    }
  }
}
