import Foundation
import Testing

@testable import Diagnosis

/// Each local layer's codes, reached by a real condition on this machine, never a fake.
@Suite struct NetworkConditionTests {
  func diagnose(_ instance: String, environment: [String: String] = [:], timeout: Double = 2)
    async -> Report
  {
    await DiagnosisRunner.run(
      DiagnosisTarget(profile: nil, instance: instance, auth: .basic, http: FakeProbe()),
      options: DiagnosisOptions(timeout: timeout, environment: environment))
  }

  func check(_ report: Report, _ id: CheckID) -> CheckResult? {
    report.checks.first { $0.id == id }
  }

  @Test func unresolvableInvalidNameIsDNSNotFound() async {
    let report = await diagnose("https://name.invalid")
    #expect(report.diagnosis.code == "dns.not_found")
    #expect(check(report, .dns)?.status == .fail)
    #expect(check(report, .tcp)?.detail == "skipped: DNS failed")
    #expect(report.ok == false)
  }

  @Test func closedPortOnLoopbackIsTCPRefused() async throws {
    let closed = try LocalSocket.closedPort()
    let port = closed.port
    let report = await diagnose("http://127.0.0.1:\(port)")
    #expect(report.diagnosis.code == "tcp.refused")
    #expect(check(report, .tcp)?.detail == "127.0.0.1:\(port) refused the connection")
    #expect(check(report, .tls)?.detail == "skipped: TCP failed")
    #expect(exitCode(for: report.diagnosis.code) == 4)
  }

  /// A listener that never accepts and whose backlog is full drops new SYNs, as a firewall
  /// that drops packets does; the check must give up at its own deadline, not the kernel's.
  @Test func listenerWithAFullBacklogIsTCPTimeoutAtOurDeadline() async throws {
    let listener = try LocalSocket.fullBacklog()
    defer { listener.close() }
    let started = ContinuousClock.now
    let report = await diagnose("http://127.0.0.1:\(listener.port)", timeout: 1)
    let waited = started.duration(to: .now)
    #expect(report.diagnosis.code == "tcp.timeout")
    #expect(check(report, .tcp)?.detail == "no answer from 127.0.0.1:\(listener.port) within 1 s")
    // Not a speed test: the kernel's own connect timeout is about two minutes.
    #expect(waited < .seconds(30))
  }

  @Test func listeningPortPassesTCPAndReachesTheHTTPLayers() async throws {
    let listener = try LocalSocket()
    defer { listener.close() }
    let report = await diagnose("http://localhost:\(listener.port)")
    #expect(check(report, .dns)?.status == .pass)
    #expect(check(report, .tcp)?.status == .pass)
    #expect(report.diagnosis.code == "ok")
  }

  @Test func proxyVariableAtAClosedPortIsProxyFailedWithoutItsCredentials() async throws {
    let closed = try LocalSocket.closedPort()
    let port = closed.port
    let environment = ["HTTPS_PROXY": "http://user:\(Sentinels.proxyPassword)@127.0.0.1:\(port)"]
    let report = await diagnose("https://dev1.service-now.com", environment: environment)
    #expect(report.diagnosis.code == "proxy.failed")
    #expect(check(report, .proxy)?.detail == "cannot connect to proxy 127.0.0.1:\(port): connection refused")
    #expect(check(report, .dns)?.detail == "skipped: Proxy failed")
    #expect(!Sentinels.leaked(in: JSONReport.render(report)))
    #expect(!Sentinels.leaked(in: HumanReport.render(report, colour: false, verbose: true, exchangeLog: nil)))
  }

  @Test func workingProxyResolvesForUsSoDNSAndTCPAreSkippedNotFailed() async throws {
    let proxy = try LocalSocket()
    defer { proxy.close() }
    let report = await diagnose(
      "https://name.invalid", environment: ["https_proxy": "127.0.0.1:\(proxy.port)"])
    #expect(check(report, .proxy)?.status == .pass)
    #expect(check(report, .dns)?.status == .skip)
    #expect(check(report, .dns)?.detail == "skipped: the proxy 127.0.0.1:\(proxy.port) resolves the name")
    #expect(check(report, .tcp)?.status == .skip)
    #expect(report.diagnosis.code == "ok")
  }

  @Test func noProxyMatchSendsTheChecksDirect() async throws {
    let closed = try LocalSocket.closedPort()
    let port = closed.port
    let report = await diagnose(
      "https://name.invalid", environment: ["HTTPS_PROXY": "127.0.0.1:\(port)", "NO_PROXY": ".invalid"])
    #expect(check(report, .proxy)?.status == .pass)
    #expect(report.diagnosis.code == "dns.not_found")
  }

  @Test func noProxyVariableSkipsTheProxyLineWithoutFailing() async throws {
    let listener = try LocalSocket()
    defer { listener.close() }
    let report = await diagnose("http://127.0.0.1:\(listener.port)")
    #expect(check(report, .proxy)?.status == .skip)
    #expect(check(report, .proxy)?.detail.hasPrefix("no proxy variable set") == true)
  }

  @Test func invalidURLSkipsEveryOtherLayer() async {
    let report = await diagnose("https://exa mple")
    #expect(report.diagnosis.code == "url.invalid")
    #expect(report.checks.map(\.id) == CheckID.allCases)
    #expect(report.checks.dropFirst().allSatisfy { $0.status == .skip && $0.detail == "skipped: URL failed" })
    #expect(exitCode(for: report.diagnosis.code) == 2)
  }

  @Test func resolverFindsLoopbackAddresses() async {
    let outcome = await Resolver.resolve(host: "localhost", port: 80, timeout: 2)
    guard case .addresses(let addresses) = outcome else {
      Issue.record("localhost did not resolve: \(outcome)")
      return
    }
    #expect(addresses.contains { $0.text == "127.0.0.1" || $0.text == "::1" })
  }

  @Test func addressLiteralsAreReadWithoutAResolverAndNamesAreNot() async {
    #expect(Resolver.isAddressLiteral("127.0.0.1"))
    #expect(Resolver.isAddressLiteral("::1"))
    #expect(!Resolver.isAddressLiteral("localhost"))
    #expect(!Resolver.isAddressLiteral("127.0.0.1.example.com"))
    #expect(!Resolver.isAddressLiteral("[::1]"))
    let v4 = await Resolver.resolve(host: "127.0.0.1", port: 443, timeout: 2)
    #expect(
      v4
        == .addresses([ResolvedAddress(family: AF_INET, socketAddress: v4Bytes(port: 443), text: "127.0.0.1")]
        ))
    guard case .addresses(let v6) = await Resolver.resolve(host: "::1", port: 443, timeout: 2) else {
      Issue.record("::1 was not read as an address")
      return
    }
    #expect(v6.map(\.text) == ["::1"])
    #expect(v6.map(\.family) == [AF_INET6])
  }

  /// A sockaddr_in for 127.0.0.1:port, as getaddrinfo writes it.
  func v4Bytes(port: UInt16) -> [UInt8] {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    return withUnsafeBytes(of: &address) { Array($0) }
  }

  @Test func connectorReportsEveryAddressAndTheOneThatConnected() async throws {
    let listener = try LocalSocket()
    defer { listener.close() }
    let closed = try LocalSocket.closedPort()
    guard
      case .addresses(let good) = await Resolver.resolve(host: "127.0.0.1", port: listener.port, timeout: 2),
      case .addresses(let bad) = await Resolver.resolve(host: "127.0.0.1", port: closed.port, timeout: 2)
    else {
      Issue.record("127.0.0.1 did not resolve")
      return
    }
    let outcome = await TCPConnector.connect(to: bad + good, timeout: 2)
    #expect(outcome.connected == good[0])
    #expect(outcome.attempts.count == 2)
    #expect(outcome.attempts[0].attempt == .refused || outcome.attempts[0].attempt == .abandoned)
  }
}
