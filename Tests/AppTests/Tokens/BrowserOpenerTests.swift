import Foundation
import Profiles
import Testing

@testable import App

@Suite struct BrowserOpenerTests {
  private let url = URL(string: "http://127.0.0.1:1/oauth_auth.do?a=1&b=2")!

  @Test func browserVariableGetsTheURLAsOneArgumentOrInPlaceOfPercentS() {
    let appended = BrowserOpener(environment: ["BROWSER": "/bin/echo --new-tab", "PATH": "/usr/bin:/bin"])
    #expect(appended.command(for: url) == ["/bin/echo", "--new-tab", url.absoluteString])
    let placed = BrowserOpener(environment: ["BROWSER": "/bin/echo open(%s)", "PATH": "/usr/bin:/bin"])
    #expect(placed.command(for: url) == ["/bin/echo", "open(\(url.absoluteString))"])
  }

  @Test func theFirstBrowserFoundInTheListIsUsed() {
    let opener = BrowserOpener(environment: ["BROWSER": "no-such-browser-xyz:echo", "PATH": "/usr/bin:/bin"])
    let argv = opener.command(for: url)
    #expect(argv?.first?.hasSuffix("/echo") == true)
  }

  @Test func xdgOpenIsNotUsedWithoutAGraphicalSession() {
    let opener = BrowserOpener(environment: ["PATH": "/usr/bin:/bin"])
    #expect(opener.command(for: url) == nil)
    #expect(opener.open(url) == .noBrowser)
  }

  @Test func aBrowserIsStartedDetached() {
    let opener = BrowserOpener(environment: ["BROWSER": "true", "PATH": "/usr/bin:/bin"])
    #expect(opener.open(url) == .launched(command: "true"))
  }

  @Test func theBrowserGetsNoSecretVariable() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dump = folder.appendingPathComponent("env.txt")
    let script = folder.appendingPathComponent("browser.sh")
    try "#!/bin/sh\nenv > '\(dump.path).tmp'; mv '\(dump.path).tmp' '\(dump.path)'\n".write(
      to: script, atomically: true, encoding: .utf8)
    chmod(script.path, 0o755)
    var environment = ProcessInfo.processInfo.environment
    environment["BROWSER"] = script.path
    environment["SG_TEST_KEEP_ME"] = "kept"
    for name in ChildEnvironment.secretVariables { environment[name] = "S3CR3T-\(name)" }
    #expect(
      ChildEnvironment.secretVariables.isSuperset(of: [
        "SNOWGATE_PASSWORD", "SNOWGATE_CLIENT_SECRET", "SNOWGATE_REFRESH_TOKEN",
      ]))
    #expect(BrowserOpener(environment: environment).open(url) == .launched(command: "browser.sh"))
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: dump.path) && Date() < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    let seen = try String(contentsOf: dump, encoding: .utf8)
    #expect(!seen.contains("S3CR3T"), "a secret reached the browser:\n\(seen)")
    #expect(seen.contains("SG_TEST_KEEP_ME=kept"), "the rest of the environment is passed on")
  }
}
