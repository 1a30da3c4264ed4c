import Foundation
import Testing
import Vocabulary

@testable import Diagnosis

@Suite struct SupportBundleTests {
  static let environment = [
    "TERM": "xterm-256color",
    "HTTPS_PROXY": "http://bob:\(Sentinels.proxyPassword)@proxy.corp:3128",
    "NO_PROXY": "localhost, .corp",
    "SNOWGATE_PASSWORD": Sentinels.password,
    "SNOWGATE_CLIENT_SECRET": Sentinels.clientSecret,
  ]

  /// An exchange log as a careless client might hand it over: the scrubber must still catch it.
  static let unredactedLog = """
    > POST /oauth_token.do
    > Authorization: Basic \(Sentinels.token)
    > grant_type=password&client_id=abc&client_secret=\(Sentinels.clientSecret)&password=\(Sentinels.password)
    < 200
    < {"access_token":"\(Sentinels.token)","refresh_token":"\(Sentinels.token)","expires_in":1799}
    > GET https://u:\(Sentinels.password)@proxy.corp/
    < Set-Cookie: JSESSIONID=\(Sentinels.token); Path=/; HttpOnly
    > Cookie: glide_session_store=\(Sentinels.token)
    > X-UserToken: \(Sentinels.token)
    """

  func temporaryPath() -> String {
    NSTemporaryDirectory() + "snowgate-bundle-\(UUID().uuidString).txt"
  }

  func writeBundle(to path: String, auth: AuthKind = .oauthPassword) throws -> String {
    let url = URL(string: "https://dev1.service-now.com")!
    try SupportBundle.write(
      to: path, report: SampleReports.failed, exchangeLog: Self.unredactedLog, version: "0.1.0-test",
      environment: Self.environment, curlCommands: CurlCommands.make(baseURL: url, auth: auth))
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test func bundleIsPrivateAndHoldsNoSentinelSecret() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let text = try writeBundle(to: path)
    #expect(try mode(path) == 0o600)
    #expect(!Sentinels.leaked(in: text))
    #expect(!text.contains("bob"))
  }

  @Test func bundleHoldsVerdictVersionOSTermProxyHostsAndCurlCommands() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let text = try writeBundle(to: path)
    #expect(text.contains("snowgate version: 0.1.0-test"))
    #expect(text.contains("os: Linux "))
    #expect(text.contains("TERM: xterm-256color"))
    #expect(text.contains("proxy variables: HTTPS_PROXY=proxy.corp:3128, NO_PROXY=localhost,.corp"))
    #expect(text.contains("\"code\": \"tcp.refused\""))
    #expect(text.contains("> Authorization: Basic ••••••"))
    #expect(text.contains("--data-urlencode \"client_secret=$SNOWGATE_CLIENT_SECRET\""))
    #expect(text.contains("--data-urlencode \"password=$SNOWGATE_PASSWORD\""))
    #expect(text.contains("-H \"Authorization: Bearer $SNOWGATE_ACCESS_TOKEN\""))
  }

  @Test func existingFileIsMadePrivateBeforeItIsOverwritten() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    FileManager.default.createFile(
      atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
    let text = try writeBundle(to: path, auth: .basic)
    #expect(try mode(path) == 0o600)
    #expect(!text.contains("old"))
    #expect(text.contains("-u \"$SNOWGATE_USER:$SNOWGATE_PASSWORD\""))
  }

  @Test func symbolicLinkIsRefusedWithASentence() throws {
    let target = temporaryPath()
    let link = temporaryPath()
    defer {
      try? FileManager.default.removeItem(atPath: link)
      try? FileManager.default.removeItem(atPath: target)
    }
    FileManager.default.createFile(atPath: target, contents: Data("keep".utf8))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(throws: SupportBundleError.self) { _ = try writeBundle(to: link) }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
    do {
      _ = try writeBundle(to: link)
    } catch let error as SupportBundleError {
      #expect(error.description.contains("symbolic link"))
    }
  }

  @Test func unwritablePlaceIsASentenceNotARawError() {
    #expect {
      _ = try writeBundle(to: "/nonexistent-dir/bundle.txt")
    } throws: { error in
      "\(error)".hasPrefix("Cannot write the support bundle to /nonexistent-dir/bundle.txt: no such file")
    }
  }

  @Test func proxyListWithoutVariablesSaysNone() {
    #expect(SupportBundle.proxyVariables(["TERM": "dumb"]) == "none")
  }
}
