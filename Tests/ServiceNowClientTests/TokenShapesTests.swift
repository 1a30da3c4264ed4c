import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// The scanners that mask token shapes, cookie values and URL queries give what the
/// `NSRegularExpression` rules they replaced gave (the rules are kept here as the reference):
/// on the tricky cases by name, and on a few thousand seeded random texts built from pieces of
/// keys, separators, quotes, white space and case-folding letters.
final class TokenShapesTests: XCTestCase {
  private static let rules: [(NSRegularExpression, String)] = [
    (
      #"(?i)((?:access|refresh|id)_?token|token|client_?secret|password|passwd|code_verifier|assertion|code)"#
        + #"((?:\\?["'])?\s*[:=]\s*(?:\\?["'])?)([^"'&,;\s<>{}\\]+)"#,
      "$1$2" + NSRegularExpression.escapedTemplate(for: Secret.mask)
    ),
    (
      #"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*"#,
      NSRegularExpression.escapedTemplate(for: Secret.mask)
    ),
    (
      #"(?<![A-Za-z0-9_\-+/=.~])(?=[A-Za-z0-9_\-+/=.~]*[0-9])(?=[A-Za-z0-9_\-+/=.~]*[A-Za-z])[A-Za-z0-9_\-+/=.~]{32,}"#,
      NSRegularExpression.escapedTemplate(for: Secret.mask)
    ),
  ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

  private static func reference(_ text: String, opaque: Bool) -> String {
    var out = text
    for (expression, template) in opaque ? rules : Array(rules.dropLast()) {
      out = expression.stringByReplacingMatches(
        in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
    }
    return out
  }

  private static func referenceCookies(_ value: String) -> String {
    let regex = try! NSRegularExpression(pattern: #"([A-Za-z0-9_.\-]+)=([^;,]*)"#)
    let attributes: Set<String> = ["path", "domain", "expires", "max-age", "samesite", "secure", "httponly"]
    var result = value
    for match in regex.matches(in: value, range: NSRange(value.startIndex..., in: value)).reversed() {
      guard let name = Range(match.range(at: 1), in: value),
        let range = Range(match.range(at: 2), in: result),
        !attributes.contains(value[name].lowercased())
      else { continue }
      result.replaceSubrange(range, with: Secret.mask)
    }
    return result
  }

  private static func referenceQueryless(_ text: String) -> String {
    String(text.replacingOccurrences(of: #"\?[^\s"']*"#, with: "?…", options: .regularExpression).prefix(300))
  }

  private func queryless(_ message: String) -> String? {
    NetworkFailureClassifier(proxy: ProxyEnvironment([:])).classify(
      CurlFailure(code: 56, message: message), url: URL(string: "https://dev1.service-now.com/")
    ).detail
  }

  func testTrickyCasesMaskAsTheRegularExpressionsDid() {
    let cases = [
      "paßword=x", "code_veriﬁer=x", "acceſﬆoken=x", "acceſſ_token=x", "to\u{212A}en=x", "İd_token=x",
      "client_ſecret=1", "ACCESSTOKEN : \\\"v\\\"", "token==x", "token = \"\"", "token=\\x", "code_verifier",
      "xaccess_token='abc' refresh_token: def", "eyJabcd.efgh.ij eyJabc.defg.h eyJeyJabcd.efgh.",
      "0123456789abcdefghij0123456789abcdefghij", "•0123456789abcdefghij0123456789ab•",
      "token\u{00A0}=\u{2028}v",
      "token=a\u{0085}b", "token=a\u{200B}b", "token=🙂\r\nx", "cod\u{0301}e=x",
    ]
    for text in cases {
      for opaque in [true, false] {
        XCTAssertEqual(
          LogRedaction.maskTokenShapes(text, opaque: opaque), Self.reference(text, opaque: opaque), text)
      }
    }
  }

  func testRandomTextsMaskAsTheRegularExpressionsDid() {
    let pieces = [
      "token", "TOKEN", "access_token", "AccessToken", "id_token", "refresh", "client_secret", "clientsecret",
      "password", "passwd", "code", "code_verifier", "assertion", "eyJ", "eyJhbGciOi", ".", "..", "=", ":",
      " ",
      "\t", "\n", "\"", "'", "\\", "\\\"", "&", ",", ";", "<", ">", "{", "}", "abc", "ABCD1234", "0123456789",
      "abcdefghij0123456789ABCDEFGHIJ", "-", "_", "+", "/", "~", "é", "e\u{301}", "ß", "ſ", "ﬁ", "\u{212A}",
      "•",
      "x", "9", "?", "\u{00A0}", "\u{2028}", "🙂", "\r\n", "Z",
    ]
    var generator = SeededGenerator(seed: 42)
    for _ in 0..<3_000 {
      let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      for opaque in [true, false] {
        XCTAssertEqual(
          LogRedaction.maskTokenShapes(text, opaque: opaque), Self.reference(text, opaque: opaque), text)
      }
      XCTAssertEqual(queryless(text), Self.referenceQueryless(text), text)
    }
  }

  func testCookieValuesAreMaskedAsTheRegularExpressionDid() {
    let pieces = [
      "a", "Path", "path", "Domain", "Max-Age", "SameSite", "Secure", "HttpOnly", "glide_user_route", "=",
      ";",
      ",", " ", "x.y", "_", "-", "é", "•", "1", "Expires=Wed, 21 Oct", "JSESSIONID", "==",
    ]
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<3_000 {
      let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      XCTAssertEqual(
        LogRedaction.headers(["Set-Cookie": text])["Set-Cookie"], Self.referenceCookies(text), text)
    }
  }

  /// `%.1f` rounds the exact binary value, a tie to the even digit: 2.25 s is "2.2 s".
  func testTimeoutsAreWrittenAsPrintfWroteThem() {
    let classifier = NetworkFailureClassifier(proxy: ProxyEnvironment([:]))
    for milliseconds in [500, 2_250, 2_350, 2_650, 10_000, 12_750, 99_950] {
      let seconds = Double(milliseconds) / 1000
      let expected =
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
      let failure = classifier.classify(DeadlineExceeded(deadline: .milliseconds(milliseconds)), url: nil)
      XCTAssertEqual(failure.detail, "No complete answer within \(expected).")
    }
  }
}
