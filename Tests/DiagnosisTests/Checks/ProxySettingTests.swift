import Testing

@testable import Diagnosis

@Suite struct ProxySettingTests {
  func lookup(_ environment: [String: String], host: String = "dev1.service-now.com")
    -> Result<ProxySetting, ProxySettingError>?
  {
    ProxySetting.lookup(environment: environment, scheme: "https", host: host, port: 443)
  }

  @Test func noVariableMeansNoProxy() {
    #expect(lookup([:]) == nil)
    #expect(lookup(["HTTPS_PROXY": ""]) == nil)
    #expect(lookup(["HTTP_PROXY": "http://p:1"]) == nil)
  }

  @Test func lowerCaseWinsOverUpperCaseAndHTTPSOverALL() throws {
    let proxy = try #require(
      try lookup(["HTTPS_PROXY": "http://upper:1", "https_proxy": "lower:2", "ALL_PROXY": "all:3"])?.get())
    #expect(proxy.display == "lower:2")
    #expect(proxy.variable == "https_proxy")
    let all = try #require(try lookup(["ALL_PROXY": "socks5://all:1080"])?.get())
    #expect(all.display == "all:1080")
  }

  @Test func credentialsInTheProxyURLAreNeverKept() throws {
    let proxy = try #require(
      try lookup(["HTTPS_PROXY": "http://user:\(Sentinels.proxyPassword)@proxy.corp:3128/"])?.get())
    #expect(proxy.display == "proxy.corp:3128")
    #expect(!Sentinels.leaked(in: "\(proxy)"))
  }

  @Test func defaultPortIsLibcurls1080() throws {
    #expect(try lookup(["HTTPS_PROXY": "proxy.corp"])?.get().port == 1080)
  }

  @Test func unreadableProxyIsAnErrorNamingOnlyTheVariable() {
    guard case .failure(let error) = lookup(["HTTPS_PROXY": "http://"]) else {
      Issue.record("accepted an empty proxy")
      return
    }
    #expect(error.variable == "HTTPS_PROXY")
  }

  @Test(arguments: [
    ("*", "dev1.service-now.com", true),
    (".service-now.com", "dev1.service-now.com", true),
    ("service-now.com", "dev1.service-now.com", true),
    ("*.service-now.com", "dev1.service-now.com", true),
    ("dev1.service-now.com", "dev1.service-now.com", true),
    ("localhost, .corp ,service-now.com", "dev1.service-now.com", true),
    ("now.com", "dev1.service-now.com", false),
    ("other.service-now.com", "dev1.service-now.com", false),
    ("service-now.com:8443", "dev1.service-now.com", false),
    ("service-now.com:443", "dev1.service-now.com", true),
    ("127.0.0.1", "127.0.0.1", true),
    ("[::1]:443", "::1", true),
    ("", "dev1.service-now.com", false),
  ])
  func noProxyFollowsCurlsDomainRules(entries: String, host: String, matches: Bool) {
    #expect((ProxySetting.noProxyMatch(host: host, port: 443, noProxy: entries) != nil) == matches)
  }

  @Test func noProxyMatchMarksTheProxyAsBypassed() throws {
    let proxy = try #require(
      try lookup(["https_proxy": "p:1", "NO_PROXY": ".service-now.com"])?.get())
    #expect(proxy.bypassEntry == ".service-now.com")
    #expect(!proxy.isUsed)
  }
}
