import Testing

@testable import App

@Suite struct ClientLayerProbeTests {
  @Test(arguments: ["tls.untrusted", "tcp.refused", "dns.not_found", "proxy.failed"])
  func connectionFailuresBelongToTheTLSLayer(_ code: String) {
    #expect(ClientLayerProbe.failsBeforeAnswer(.init(code: code, summary: "", remedies: [])))
  }

  @Test(arguments: ["http.timeout", "instance.unavailable", "http.bad_response"])
  func failuresAfterAnAnswerBelongToTheInstanceLayer(_ code: String) {
    #expect(!ClientLayerProbe.failsBeforeAnswer(.init(code: code, summary: "", remedies: [])))
  }

  @Test func spansReadAsPeopleSayThem() {
    #expect(ClientLayerProbe.span(45) == "45 s")
    #expect(ClientLayerProbe.span(1799) == "29 min")
    #expect(ClientLayerProbe.span(7200) == "2 h")
  }
}
