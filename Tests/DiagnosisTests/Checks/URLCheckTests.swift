import Testing
import Vocabulary

@testable import Diagnosis

@Suite struct URLCheckTests {
  @Test func plainHTTPToANameThatOnlyLooksLocalIsURLInvalid() {
    for input in ["http://127.attacker.example", "http://foo.localhost", "http://localhost.example.com"] {
      let (outcome, address) = URLCheck.run(input)
      #expect(address == nil, "\(input)")
      #expect(outcome.code == "url.invalid", "\(input)")
    }
  }

  @Test func theAPIVersionInTheAddressIsKept() {
    let (outcome, address) = URLCheck.run("https://dev1.service-now.com/api/now/v2")
    #expect(outcome.status == .pass)
    #expect(address?.apiVersion == "v2")
    #expect(address?.address == "https://dev1.service-now.com")
  }

  @Test func credentialsTypedIntoTheAddressAreRejectedAndNeverEchoed() {
    let (outcome, address) = URLCheck.run("https://admin:\(Sentinels.password)@dev1.service-now.com")
    #expect(address == nil)
    #expect(outcome.code == "url.invalid")
    #expect(!Sentinels.leaked(in: outcome.detail + (outcome.summary ?? "")))
    #expect(!Sentinels.leaked(in: InstanceURL.shown("x://u:\(Sentinels.password)@h")))
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
