import Foundation
import Platform
import ServiceNowClient
import TestSupport
import TextSafety
import Vocabulary
import XCTest

/// Secrets are masked in a server's words as whole matches and in every echoed form; snowgate's
/// own words are left alone.
final class SecretScrubberTests: XCTestCase {
  static let sentinel = "pw+S3CR3T/SENTINEL \"q\"é"

  /// Every form a server could echo the sentinel in.
  static func forms(user: String = "admin", _ secret: String = sentinel) -> [String] {
    let pair = Data("\(user):\(secret)".utf8).base64EncodedString()
    let alone = Data(secret.utf8).base64EncodedString()
    let url = { (text: String) in
      text.replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_")
    }
    return [
      secret, FormEncoding.escape(secret), pair, url(pair), alone, url(alone),
      String(
        String(decoding: try! JSONSerialization.data(withJSONObject: [secret]), as: UTF8.self).dropFirst(2)
          .dropLast(2)),
    ]
  }

  func testEveryEchoedFormOfTheSecretIsMasked() {
    let scrubber = SecretScrubber(secrets: [Self.sentinel], pairs: ["admin:\(Self.sentinel)"])
    for form in Self.forms() {
      let text = "the server said: <\(form)> (echo)"
      let scrubbed = scrubber.scrub(text)
      XCTAssertFalse(scrubbed.contains(form), "form \(form) survived: \(scrubbed)")
      XCTAssertTrue(scrubbed.contains(Secret.mask), scrubbed)
      XCTAssertTrue(scrubbed.hasPrefix("the server said: <"), scrubbed)
    }
  }

  func testAPasswordThatIsTheUserNameLeavesTheUserNamedButMasksThePair() {
    let log = RequestLog()
    log.rememberPair(username: "admin", password: Secret("admin"))
    let pair = Data("admin:admin".utf8).base64EncodedString()
    let scrubbed = log.scrubber.scrub("user_name admin, header Basic \(pair)")
    XCTAssertTrue(scrubbed.hasPrefix("user_name admin, header Basic "), scrubbed)
    XCTAssertFalse(scrubbed.contains(pair), scrubbed)
    log.rememberPair(username: "admin", password: Secret("S3CR3T"))
    XCTAssertFalse(log.scrubber.scrub("said S3CR3T").contains("S3CR3T"))
  }

  func testAPasswordThatIsAWordLeavesLongerWordsAlone() {
    let scrubber = SecretScrubber(secrets: ["admin"])
    XCTAssertEqual(
      scrubber.scrub("ask an administrator; user admin is locked"),
      "ask an administrator; user \(Secret.mask) is locked")
    XCTAssertEqual(scrubber.scrub("admin"), Secret.mask)
    XCTAssertEqual(scrubber.scrub("adminadmin admin."), "adminadmin \(Secret.mask).")
    let long = SecretScrubber(secrets: ["S3CR3T-SENTINEL"])
    XCTAssertEqual(long.scrub("xS3CR3T-SENTINELx"), "x\(Secret.mask)x")
  }

  /// A combining mark glued to the echo makes its last Character another one: the secret's
  /// scalars are still there and are masked; the same secret in another normal form is too.
  func testASecretWithACombiningMarkGluedOnIsStillMasked() {
    let long = SecretScrubber(secrets: ["S3CR3T-SENTINEL"])
    XCTAssertEqual(long.scrub("said S3CR3T-SENTINEL\u{301}!"), "said \(Secret.mask)\u{301}!")
    XCTAssertEqual(long.scrub("\u{308}S3CR3T-SENTINEL"), "\u{308}\(Secret.mask)")
    let short = SecretScrubber(secrets: ["admin"])
    XCTAssertFalse(short.scrub("user admin\u{301} is locked").contains("admin"))
    XCTAssertEqual(short.scrub("ask an administrator"), "ask an administrator")
    let accented = SecretScrubber(secrets: ["caf\u{E9}-S3CR3T"])
    XCTAssertFalse(accented.scrub("said cafe\u{301}-S3CR3T").contains("S3CR3T"), "the decomposed form")
    XCTAssertFalse(accented.scrub("said caf\u{E9}-S3CR3T\u{301}").contains("S3CR3T"))
  }

  func testCleanMakesEscapeSequencesVisible() {
    let scrubber = SecretScrubber(secrets: ["hunter22"])
    let hostile = "\u{1B}]0;owned\u{07}\u{1B}]52;c;aHVudGVyMjI=\u{07}\u{1B}[2J\rhunter22\u{9B}31m"
    let shown = scrubber.clean(hostile)
    XCTAssertFalse(
      shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, shown)
    XCTAssertFalse(shown.contains("hunter22"), shown)
    XCTAssertTrue(shown.contains("␛]0;owned␇"), shown)
    XCTAssertTrue(shown.contains("<U+009B>"), shown)
  }

  func testUnparseableTokenAnswersAreLoggedWithTheirTokensMasked() {
    let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJTRU5USU5FTCJ9.c2lnbmF0dXJlU0VOVElORUw"
    let answers = [
      #"{"access_token":"AT-SENTINEL-1","refresh_token":"RT-SENTINEL-2","expires_in":1799} trailing"#,
      #"{"access_token":"AT-SENTINEL-1","refresh_tok"#,
      #"{"access_token":"AT-SENTINEL-1"#,
      "access_token=AT-SENTINEL-1&refresh_token=RT-SENTINEL-2&token_type=Bearer",
      #"<html><body><pre>{"access_token": "AT-SENTINEL-1", "id_token": "\#(jwt)"}</pre></body></html>"#,
      #"{"access_token":"AT-SENTINEL-1","expires_in":1e999999}"#,
      "<p>your token: \(jwt)</p>",
      "opaque Zk9xR2hTRU5USU5FTDEyMzQ1Njc4OTBhYmNkZWZnaGlq end",
      #"{\"refresh_token\":\"RT-SENTINEL-2\"}"#,
    ]
    for answer in answers {
      let logged = LogRedaction.body(Data(answer.utf8))
      XCTAssertFalse(logged.contains("SENTINEL"), "\(answer) → \(logged)")
      XCTAssertFalse(logged.contains("eyJ"), "\(answer) → \(logged)")
      XCTAssertFalse(logged.contains("Zk9xR2hTRU5USU5FTDEy"), "\(answer) → \(logged)")
    }
    XCTAssertTrue(LogRedaction.body(Data(answers[3].utf8)).contains("token_type=Bearer"))
    let parsed = LogRedaction.body(
      Data(
        #"{"error":"x","error_description":"bad \#(jwt) and refresh_token=RT-SENTINEL-2","result":[{"sys_id":"0123456789abcdef0123456789abcdef"}]}"#
          .utf8))
    XCTAssertFalse(parsed.contains("SENTINEL") || parsed.contains("eyJ"), parsed)
    XCTAssertTrue(
      parsed.contains("0123456789abcdef0123456789abcdef"), "a sys_id of a parsed answer is kept: \(parsed)")
  }

  func testTheLogOfAnEchoingServerHoldsNoFormOfThePassword() async throws {
    let transport = ScriptedTransport()
    let log = RequestLog()
    let pair = Data("admin:\(Self.sentinel)".utf8).base64EncodedString()
    let echo =
      "Authorization: Basic \(pair)\npassword=\(FormEncoding.escape(Self.sentinel))\n\u{1B}]0;title\u{07}"
    transport.expect(
      "GET", Fixtures.usersPath,
      respond: HTTPResponse(
        status: 401, headers: ["Content-Type": "text/plain", "X-Echo": "Basic \(pair)\u{1B}[2J"],
        body: Data(echo.utf8)))
    let client = Fixtures.client(transport, log: log)
    let result = await client.readTable(
      "sys_user", fields: [], auth: .basic(username: "admin", password: Secret(Self.sentinel)))
    guard case .failure(let failure) = result else { return XCTFail("a 401 read succeeded") }
    let rendered = log.render() + "\n" + failure.description
    for form in Self.forms() {
      XCTAssertFalse(rendered.contains(form), "form \(form) in \(rendered)")
    }
    XCTAssertFalse(rendered.contains("\u{1B}"), rendered)
    XCTAssertTrue(rendered.contains("␛"), rendered)
  }

  func testTheInstanceWordsAreScrubbedButTheSummaryIsNot() async throws {
    let transport = ScriptedTransport()
    transport.expect(
      "GET", Fixtures.usersPath,
      respond: .json(
        401,
        #"{"error":{"message":"instance rejected \u001b[31m instance","detail":null},"status":"failure"}"#))
    let client = Fixtures.client(transport)
    let result = await client.readTable(
      "sys_user", fields: [], auth: .basic(username: "admin", password: Secret("instance")))
    guard case .failure(let failure) = result else { return XCTFail("a 401 read succeeded") }
    XCTAssertTrue(failure.summary.contains("instance"), failure.summary)
    XCTAssertEqual(failure.detail, "The instance said: \(Secret.mask) rejected ␛[31m \(Secret.mask)")
  }
}
