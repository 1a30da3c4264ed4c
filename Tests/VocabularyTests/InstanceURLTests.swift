import Foundation
import Testing
import Vocabulary

@Suite struct InstanceURLTests {
  /// Input, then the exact address and API version it must normalise to.
  static let accepted: [(String, String, String?)] = [
    ("dev12345", "https://dev12345.service-now.com", nil),
    ("DEV12345", "https://dev12345.service-now.com", nil),
    ("  dev12345  ", "https://dev12345.service-now.com", nil),
    ("\tdev12345\n", "https://dev12345.service-now.com", nil),
    ("dev12345.service-now.com", "https://dev12345.service-now.com", nil),
    ("dev12345.service-now.com.", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com/", "https://dev12345.service-now.com", nil),
    ("HTTPS://Dev12345.Service-Now.COM", "https://dev12345.service-now.com", nil),
    ("https://dev12345", "https://dev12345.service-now.com", nil),
    (
      "https://dev12345.service-now.com/now/nav/ui/classic/params/target/incident_list.do",
      "https://dev12345.service-now.com", nil
    ),
    ("https://dev12345.service-now.com/login.do", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com/navpage.do?uri=incident.do", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com?foo=bar#top", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com/api/now/v2", "https://dev12345.service-now.com", "v2"),
    (
      "https://dev12345.service-now.com/api/now/v1/table/incident?sysparm_limit=1",
      "https://dev12345.service-now.com", "v1"
    ),
    ("https://dev12345.service-now.com/API/NOW/V2/", "https://dev12345.service-now.com", "v2"),
    ("https://dev12345.service-now.com/api/now/table/incident", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com/api/now/v0", "https://dev12345.service-now.com", nil),
    ("dev12345.service-now.com/api/now/v2", "https://dev12345.service-now.com", "v2"),
    ("https://dev12345.service-now.com:443", "https://dev12345.service-now.com", nil),
    ("itsm.example.com", "https://itsm.example.com", nil),
    ("https://itsm.example.com", "https://itsm.example.com", nil),
    ("https://itsm.example.com:8443/sp", "https://itsm.example.com:8443", nil),
    ("my-instance.example.co.uk", "https://my-instance.example.co.uk", nil),
    ("xn--mnchen-3ya.de", "https://xn--mnchen-3ya.de", nil),
    ("http://localhost:8080", "http://localhost:8080", nil),
    ("localhost:8080", "http://localhost:8080", nil),
    ("LOCALHOST.:8080", "http://localhost:8080", nil),
    ("http://localhost:80", "http://localhost", nil),
    ("https://localhost", "https://localhost", nil),
    ("http://127.0.0.1:49152/api/now/v2", "http://127.0.0.1:49152", "v2"),
    ("127.0.0.1:8080", "http://127.0.0.1:8080", nil),
    ("http://127.000.000.001:8080", "http://127.0.0.1:8080", nil),
    ("http://[::1]:8080", "http://[::1]:8080", nil),
    ("[::1]:8080", "http://[::1]:8080", nil),
    ("https://[2001:DB8::1]:8443", "https://[2001:db8::1]:8443", nil),
    ("https://10.0.0.5", "https://10.0.0.5", nil),
    ("dev12345:08443", "https://dev12345.service-now.com:8443", nil),
    // The inputs issue 9 names, where the wizard and `check` used to disagree.
    ("localhost", "http://localhost", nil),
    ("http://localhost.", "http://localhost", nil),
    ("dev1/x", "https://dev1.service-now.com", nil),
    ("dev12345.", "https://dev12345.service-now.com", nil),
    ("https://dev12345./api/now/v2", "https://dev12345.service-now.com", "v2"),
    ("xn--dev-8ya.example.com", "https://xn--dev-8ya.example.com", nil),
    ("https://XN--MNCHEN-3YA.DE/login.do", "https://xn--mnchen-3ya.de", nil),
    ("foo.localhost", "https://foo.localhost", nil),
    ("127.attacker.example", "https://127.attacker.example", nil),
    ("http://127.1.2.3:8080", "http://127.1.2.3:8080", nil),
    ("127.255.255.254", "http://127.255.255.254", nil),
    ("http://127.0.0.1:8080/api/now/v2/table/incident", "http://127.0.0.1:8080", "v2"),
    ("https://127.0.0.1:8443", "https://127.0.0.1:8443", nil),
    ("https://dev12345.service-now.com/api/now/v10", "https://dev12345.service-now.com", "v10"),
    ("https://dev12345.service-now.com/api/now/vx", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com/api/now", "https://dev12345.service-now.com", nil),
    ("https://dev12345.service-now.com/now/nav/ui", "https://dev12345.service-now.com", nil),
  ]

  /// Input, then the exact error.
  static let refused: [(String, InstanceURLError)] = [
    ("", .empty),
    ("   ", .empty),
    ("\n\t", .empty),
    (String(repeating: "a", count: 2001), .tooLong(characters: 2001)),
    ("https://dev12345.service-now.com/" + String(repeating: "x", count: 1968), .tooLong(characters: 2001)),
    (String(repeating: "dev12345 ", count: 300), .tooLong(characters: 2699)),
    ("dev 12345", .containsSpace),
    ("https://dev12345.service-now.com/now nav", .containsSpace),
    ("dev\u{00A0}12345", .containsSpace),
    ("dev\u{0}12345", .controlCharacter),
    ("dev12345\u{1B}[31m", .controlCharacter),
    ("dev12345\u{7F}", .controlCharacter),
    ("dev12345\u{9B}", .controlCharacter),
    ("dev\r12345", .controlCharacter),
    ("https://admin:S3CR3T-SENTINEL@dev12345.service-now.com", .credentialsInURL),
    ("admin@dev12345.service-now.com", .credentialsInURL),
    ("https://:S3CR3T@dev12345.service-now.com/api/now/v2", .credentialsInURL),
    ("ftp://dev12345.service-now.com", .unsupportedScheme("ftp")),
    ("file:///etc/passwd", .unsupportedScheme("file")),
    ("javascript:alert(1)", .unsupportedScheme("javascript")),
    ("mailto:admin@example.com", .unsupportedScheme("mailto")),
    ("https:/dev12345.service-now.com", .malformedScheme),
    ("http:dev12345", .malformedScheme),
    ("http://dev12345.service-now.com", .plainHTTPNotAllowed(suggestion: "https://dev12345.service-now.com")),
    ("http://10.0.0.5:8080", .plainHTTPNotAllowed(suggestion: "https://10.0.0.5:8080")),
    ("http://[2001:db8::1]", .plainHTTPNotAllowed(suggestion: "https://[2001:db8::1]")),
    ("https://", .missingHost),
    ("https://:8080", .missingHost),
    ("https:///login.do", .missingHost),
    ("dev12345:", .invalidPort),
    ("dev12345:0", .invalidPort),
    ("dev12345:65536", .invalidPort),
    ("https://dev12345.service-now.com:99999", .invalidPort),
    ("https://dev12345.service-now.com:-1", .invalidPort),
    ("dev12345:http", .invalidPort),
    ("::1", .ipv6NeedsBrackets),
    ("http://::1:8080", .ipv6NeedsBrackets),
    ("http://[::1", .invalidIPv6),
    ("http://[::1]x", .invalidIPv6),
    ("https://[]", .invalidIPv6),
    ("https://[fe80::1%25eth0]", .invalidIPv6),
    ("https://[gggg::1]", .invalidIPv6),
    ("bücher.example", .unicodeHost),
    ("https://ドメイン.テスト", .unicodeHost),
    ("dev\u{200B}12345", .controlCharacter),
    ("https://dev12345.service-now.com\u{200D}", .controlCharacter),
    ("\u{FEFF}dev12345", .controlCharacter),
    ("dev\u{2060}12345.service-now.com", .controlCharacter),
    ("https://dev12345.service-now.com/now\u{200B}/nav", .controlCharacter),
    ("dev12345..service-now.com", .emptyLabel),
    (".service-now.com", .emptyLabel),
    ("dev_12345.service-now.com", .invalidHostCharacter("_")),
    ("dev12345.service-now.com\\evil", .backslash),
    ("https:/\\evil.example", .backslash),
    ("https:\\\\evil.example", .backslash),
    ("https://evil.example\\@dev12345.service-now.com", .backslash),
    ("https://dev12345.service-now.com/login.do\\x", .backslash),
    ("http://127.attacker.example", .plainHTTPNotAllowed(suggestion: "https://127.attacker.example")),
    ("http://foo.localhost", .plainHTTPNotAllowed(suggestion: "https://foo.localhost")),
    ("http://localhost.example.com", .plainHTTPNotAllowed(suggestion: "https://localhost.example.com")),
    ("http://127.0.0.1.nip.io:8080", .plainHTTPNotAllowed(suggestion: "https://127.0.0.1.nip.io:8080")),
    ("http://128.0.0.1", .plainHTTPNotAllowed(suggestion: "https://128.0.0.1")),
    ("http://u@127.0.0.1:8080", .credentialsInURL),
    ("u:p@localhost", .credentialsInURL),
    ("https://@dev12345.service-now.com", .credentialsInURL),
    ("http://", .missingHost),
    ("https://./", .missingHost),
    ("dev12345.service-now.com%2e", .invalidHostCharacter("%")),
    ("-dev.example.com", .hyphenAtLabelEdge),
    ("dev-.example.com", .hyphenAtLabelEdge),
    (String(repeating: "a", count: 64) + ".example.com", .labelTooLong),
    (Array(repeating: String(repeating: "a", count: 50), count: 6).joined(separator: "."), .hostTooLong),
    ("999.1.1.1", .invalidIPv4),
    ("1.2.3", .invalidIPv4),
    ("12345", .invalidIPv4),
    ("service-now.com", .serviceNowDomainOnly),
    ("https://SERVICE-NOW.COM/", .serviceNowDomainOnly),
  ]

  @Test(arguments: accepted.indices)
  func acceptsWhatPeopleTypeAndNormalisesIt(index: Int) throws {
    let (input, address, apiVersion) = Self.accepted[index]
    let result = InstanceURL.normalise(input)
    let instance = try result.get()
    #expect(instance.address == address, "input: \(input)")
    #expect(instance.apiVersion == apiVersion, "input: \(input)")
    #expect(instance.url.absoluteString == address)
  }

  @Test(arguments: refused.indices)
  func refusesWithTheExactReason(index: Int) {
    let (input, error) = Self.refused[index]
    #expect(InstanceURL.normalise(input) == .failure(error), "input: \(input.prefix(80))")
  }

  @Test func acceptsExactlyTwoThousandCharacters() throws {
    let input = "https://dev12345.service-now.com/" + String(repeating: "x", count: 1967)
    #expect(input.count == InstanceURL.maximumLength)
    #expect(try InstanceURL.normalise(input).get().address == "https://dev12345.service-now.com")
  }

  @Test func keepsPortAndLoopbackFacts() throws {
    let local = try InstanceURL.normalise("http://[::1]:8080").get()
    #expect(
      local == NormalisedInstance(address: "http://[::1]:8080", host: "::1", port: 8080, isLoopback: true))
    let remote = try InstanceURL.normalise("https://itsm.example.com:8443/api/now/v2").get()
    #expect(
      remote
        == NormalisedInstance(
          address: "https://itsm.example.com:8443", host: "itsm.example.com", port: 8443, apiVersion: "v2"))
    #expect(remote.display == "https://itsm.example.com:8443/api/now/v2")
  }

  @Test func credentialErrorsNeverRepeatTheSecret() {
    let input = "https://admin:S3CR3T-SENTINEL@dev12345.service-now.com"
    guard case .failure(let error) = InstanceURL.normalise(input) else {
      Issue.record("accepted credentials in the URL")
      return
    }
    #expect(!error.message.contains("S3CR3T"))
    #expect(!error.message.contains("admin"))
    #expect(!"\(error)".contains("S3CR3T"))
  }

  @Test func everyRefusalShowsAnExampleAndFitsTwoLines() {
    for (input, _) in Self.refused {
      guard case .failure(let error) = InstanceURL.normalise(input) else { continue }
      #expect(
        error.message.contains("e.g.") || error.message.contains("like") || error.message.contains("use "))
      #expect(error.message.count <= 148, "\(error.message)")
      #expect(error.message.hasSuffix("."))
    }
  }

  @Test func countsOfTheTable() {
    #expect(Self.accepted.count + Self.refused.count >= 60)
  }
}
