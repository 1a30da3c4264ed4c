import Testing

@testable import Diagnosis

@Suite struct InstanceAddressTests {
  func normalised(_ input: String) -> String? {
    try? InstanceAddress.parse(input).get().url.absoluteString
  }

  @Test func bareNameBecomesAServiceNowHost() {
    #expect(normalised("dev12345") == "https://dev12345.service-now.com")
    #expect(normalised("  Dev-12345 \n") == "https://dev-12345.service-now.com")
  }

  @Test func hostAndURLsWithPathsKeepOnlySchemeHostAndPort() {
    #expect(normalised("dev12345.service-now.com") == "https://dev12345.service-now.com")
    #expect(normalised("https://dev1.service-now.com/api/now/v2") == "https://dev1.service-now.com")
    #expect(normalised("https://itsm.example.com/now/nav/ui?x=1") == "https://itsm.example.com")
    #expect(normalised("https://itsm.example.com:8443/login.do") == "https://itsm.example.com:8443")
    #expect(normalised("HTTPS://ITSM.Example.COM:443") == "https://itsm.example.com")
  }

  @Test func plainHTTPIsAcceptedOnlyForLoopback() throws {
    let local = try InstanceAddress.parse("http://127.0.0.1:8080").get()
    #expect(local.port == 8080)
    #expect(local.scheme == "http")
    #expect(normalised("http://localhost:9") == "http://localhost:9")
    #expect(normalised("http://[::1]:9") == "http://[::1]:9")
    #expect(normalised("http://dev1.service-now.com") == nil)
  }

  @Test(arguments: [
    "", "   ", "dev 123", "ftp://x.example.com", "https://", "https://bad_host.example.com",
    "https://-x.example.com", "https://x.example.com:0", "https://a..b",
  ])
  func nonsenseIsRejectedWithASentence(input: String) {
    guard case .failure(let error) = InstanceAddress.parse(input) else {
      Issue.record("accepted \(input)")
      return
    }
    #expect(!error.reason.isEmpty)
  }

  @Test func credentialsTypedIntoTheAddressAreRejectedAndNeverEchoed() {
    let (outcome, address) = URLCheck.run("https://admin:\(Sentinels.password)@dev1.service-now.com")
    #expect(address == nil)
    #expect(outcome.code == "url.invalid")
    #expect(!Sentinels.leaked(in: outcome.detail + (outcome.summary ?? "")))
    #expect(!Sentinels.leaked(in: InstanceAddress.sanitised("x://u:\(Sentinels.password)@h")))
  }

  @Test func urlCheckFailsWithURLInvalidAndAnExample() {
    let (outcome, _) = URLCheck.run("not a url")
    #expect(outcome.status == .fail)
    #expect(outcome.code == "url.invalid")
    #expect(outcome.remedies.joined().contains("https://dev12345.service-now.com"))
  }

  @Test func urlCheckShowsWhatTheInputBecame() {
    let (outcome, address) = URLCheck.run("dev7")
    #expect(outcome.status == .pass)
    #expect(outcome.detail == "dev7 → https://dev7.service-now.com")
    #expect(address?.host == "dev7.service-now.com")
  }
}
