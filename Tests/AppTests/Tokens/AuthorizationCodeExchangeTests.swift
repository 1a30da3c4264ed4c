import Foundation
import ServiceNowClient
import Testing
import Vocabulary

@testable import App

@Suite struct AuthorizationCodeExchangeTests {
  /// A "browser" that fetches the URL with curl, following redirects, as the proof asks.
  static func curlBrowser() throws -> (path: String, folder: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let script = folder.appendingPathComponent("browser.sh")
    try "#!/bin/sh\nexec curl -s -L -o /dev/null \"$1\"\n".write(
      to: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    return (script.path, folder)
  }

  /// Where the instance redirects the browser to (the address a person would paste).
  static func redirectLocation(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["curl", "-s", "-o", "/dev/null", "-w", "%{redirect_url}", url.absoluteString]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func theAuthorizeURLCarriesStateAndTheS256Challenge() throws {
    let client = ServiceNowClient(instance: URL(string: "http://127.0.0.1:1")!)
    let session = AuthorizationCodeExchange(
      client: client, clientID: "snowgate-public", clientSecret: nil, scope: nil,
      redirectURI: "http://127.0.0.1:8484/callback",
      verifier: Secret("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), state: "xyz")
    let query = URLComponents(url: session.authorizeURL, resolvingAgainstBaseURL: false)?.queryItems ?? []
    func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
    #expect(session.authorizeURL.path == "/oauth_auth.do")
    #expect(value("state") == "xyz")
    #expect(value("code_challenge") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    #expect(value("code_challenge_method") == "S256")
    #expect(value("redirect_uri") == "http://127.0.0.1:8484/callback")
    #expect(value("response_type") == "code")
    #expect(!session.authorizeURL.absoluteString.contains("dBjftJeZ4CVP"))
  }

  @Test(arguments: ["snowgate-public", "snowgate-demo"])
  func theBrowserFlowCompletesThroughTheLoopbackListener(clientID: String) async throws {
    let listener = try LoopbackListener()
    let bed = try TokenTestBed(autoApprove: true, redirectURLs: [listener.redirectURI])
    let browser = try Self.curlBrowser()
    defer { try? FileManager.default.removeItem(at: browser.folder) }
    let secret = clientID == "snowgate-demo" ? Secret(TokenTestBed.clientSecret) : nil
    let session = AuthorizationCodeExchange(
      client: bed.client(), clientID: clientID, clientSecret: secret, scope: nil,
      redirectURI: listener.redirectURI)
    let opener = BrowserOpener(environment: ["BROWSER": browser.path, "PATH": "/usr/bin:/bin"])
    #expect(opener.open(session.authorizeURL) == .launched(command: "browser.sh"))
    let tokens = try await session.complete(listener: listener, timeout: .seconds(20)).get()
    #expect(tokens.refreshToken != nil)
    #expect(await bed.tableAccepts(tokens.accessToken.reveal()))
    let log = bed.log.render()
    #expect(!log.contains(session.verifier.reveal()))
    #expect(!log.contains(tokens.accessToken.reveal()))
    #expect(!log.contains("S3CR3T"))
  }

  @Test func thePastedRedirectURLCompletesTheSignIn() async throws {
    let bed = try TokenTestBed(autoApprove: true)
    let session = AuthorizationCodeExchange(
      client: bed.client(), clientID: "snowgate-public", clientSecret: nil, scope: nil,
      redirectURI: "http://127.0.0.1:8484/callback")
    let location = try Self.redirectLocation(session.authorizeURL)
    #expect(location.hasPrefix("http://127.0.0.1:8484/callback?code="))
    let tokens = try await session.complete(pasted: "  \(location)\n").get()
    #expect(await bed.tableAccepts(tokens.accessToken.reveal()))
  }

  @Test func aPastedBareCodeCompletesTheSignIn() async throws {
    let bed = try TokenTestBed(autoApprove: true)
    let session = AuthorizationCodeExchange(
      client: bed.client(), clientID: "snowgate-demo", clientSecret: Secret(TokenTestBed.clientSecret),
      scope: nil, redirectURI: "http://127.0.0.1:8484/callback")
    let location = try Self.redirectLocation(session.authorizeURL)
    let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
    let tokens = try await session.complete(pasted: code).get()
    #expect(await bed.tableAccepts(tokens.accessToken.reveal()))
  }

  @Test func aPastedURLWithAnotherOrNoStateIsRefusedWithoutSendingIt() async throws {
    let bed = try TokenTestBed()
    let session = AuthorizationCodeExchange(
      client: bed.client(), clientID: "snowgate-public", clientSecret: nil, scope: nil,
      redirectURI: "http://127.0.0.1:8484/callback", state: "mine")
    let other = await session.complete(pasted: "http://127.0.0.1:8484/callback?code=abc&state=theirs")
    #expect(other.failureCode == "oauth.state_mismatch")
    let none = await session.complete(pasted: "http://127.0.0.1:8484/callback?code=abc")
    #expect(none.failureCode == "oauth.paste_unreadable")
    let empty = await session.complete(pasted: "   ")
    #expect(empty.failureCode == "oauth.paste_unreadable")
    let denied = await session.complete(
      pasted: "http://127.0.0.1:8484/callback?error=access_denied&state=mine")
    #expect(denied.failureCode == "oauth.authorization_denied")
    #expect(bed.tokenRequests == 0)
  }

  @Test func anUnregisteredRedirectTimesOutWithTheExplanation() async throws {
    let listener = try LoopbackListener()
    // The client has another redirect URL registered: the instance silently sends the browser there.
    let bed = try TokenTestBed(autoApprove: true, redirectURLs: ["http://127.0.0.1:9/callback"])
    let browser = try Self.curlBrowser()
    defer { try? FileManager.default.removeItem(at: browser.folder) }
    let session = AuthorizationCodeExchange(
      client: bed.client(), clientID: "snowgate-public", clientSecret: nil, scope: nil,
      redirectURI: listener.redirectURI)
    _ = BrowserOpener(environment: ["BROWSER": browser.path, "PATH": "/usr/bin:/bin"]).open(
      session.authorizeURL)
    let result = await session.complete(listener: listener, timeout: .seconds(1))
    #expect(result.failureCode == "oauth.callback_timeout")
    if case .failure(let failure) = result {
      #expect(
        failure.remedies.contains { $0.contains("not be registered") && $0.contains(listener.redirectURI) })
    }
  }
}

extension Result where Failure == ServiceNowFailure {
  /// The failure's code, nil on success.
  var failureCode: String? {
    if case .failure(let failure) = self { return failure.code }
    return nil
  }
}
