import Foundation
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
}
