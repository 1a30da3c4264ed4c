import Foundation
import Testing

@testable import App

#if canImport(Glibc)
  import Glibc
#endif

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite struct LoopbackListenerTests {
  /// A GET from a "browser": status and page text.
  static func get(_ url: String) async throws -> (Int, String) {
    let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test func aWrongOrMissingStateIsRefusedAndTheRightOneCompletes() async throws {
    let listener = try LoopbackListener()
    let base = listener.redirectURI
    #expect(base == "http://127.0.0.1:\(listener.port)/callback")
    let waiting = Task { await listener.wait(expectedState: "state-1", timeout: .seconds(20)) }

    let (wrongStatus, wrongPage) = try await Self.get(base + "?code=c0&state=other")
    #expect(wrongStatus == 400)
    #expect(wrongPage.contains("does not match"))
    let (missingStatus, missingPage) = try await Self.get(base + "?code=c0")
    #expect(missingStatus == 400)
    #expect(missingPage.contains("no state"))
    let (elsewhere, _) = try await Self.get("http://127.0.0.1:\(listener.port)/favicon.ico")
    #expect(elsewhere == 404)

    let (status, page) = try await Self.get(base + "?code=the-code&state=state-1")
    #expect(status == 200)
    #expect(page.contains("You can close this tab and return to the terminal"))
    #expect(!page.contains("the-code"))
    let callback = try await waiting.value.get()
    #expect(callback.code.reveal() == "the-code")
    #expect(callback.state == "state-1")

    // One-shot: the port is closed once the code arrived.
    await #expect(throws: (any Error).self) { _ = try await Self.get(base + "?code=x&state=state-1") }
  }

  @Test func anIdlePreconnectionDoesNotHoldUpTheCallback() async throws {
    let listener = try LoopbackListener()
    // Shorter than the 10 s an idle connection may stay open: a listener that served one
    // connection at a time would still be stuck on the idle one when this runs out.
    let waiting = Task { await listener.wait(expectedState: "s", timeout: .seconds(4)) }
    // Browsers open spare connections and send nothing on them.
    let idle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(idle) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = listener.port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(idle, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    #expect(connected == 0)
    let (status, _) = try await Self.get(listener.redirectURI + "?code=c&state=s")
    #expect(status == 200)
    #expect(try await waiting.value.get().code.reveal() == "c")
  }

  @Test func aTimeoutExplainsTheLikelyCausesAndCountsRefusedRedirects() async throws {
    let listener = try LoopbackListener()
    let waiting = Task { await listener.wait(expectedState: "s", timeout: .milliseconds(800)) }
    _ = try await Self.get(listener.redirectURI + "?code=c&state=stale")
    let result = await waiting.value
    guard case .failure(let failure) = result, case .timedOut(_, let uri, let refused) = failure else {
      Issue.record("expected a timeout, got \(result)")
      return
    }
    #expect(uri == listener.redirectURI)
    #expect(refused == 1)
    let text = failure.failure.remedies.joined(separator: " ")
    #expect(failure.failure.code == "oauth.callback_timeout")
    #expect(text.contains("first registered one"))
    #expect(text.contains("another machine"))
    #expect(text.contains(listener.redirectURI))
  }

  @Test func cancellingTheTaskEndsTheWait() async throws {
    let listener = try LoopbackListener()
    let waiting = Task { await listener.wait(expectedState: "s", timeout: .seconds(60)) }
    waiting.cancel()
    let result = await waiting.value
    #expect(result == .failure(.cancelled))
  }

  @Test func cancelEndsTheWait() async throws {
    let listener = try LoopbackListener()
    let waiting = Task { await listener.wait(expectedState: "s", timeout: .seconds(60)) }
    listener.cancel()
    #expect(await waiting.value == .failure(.cancelled))
  }

  @Test func theDeniedRedirectEndsTheWaitWithTheInstancesError() async throws {
    let listener = try LoopbackListener()
    let waiting = Task { await listener.wait(expectedState: "s", timeout: .seconds(20)) }
    let (status, _) = try await Self.get(listener.redirectURI + "?error=access_denied&state=s")
    #expect(status == 200)
    let result = await waiting.value
    guard case .failure(let failure) = result else {
      Issue.record("a denied sign-in gave a code")
      return
    }
    #expect(failure.failure.code == "oauth.authorization_denied")
  }

  @Test func aPortInUseIsSaidPlainly() throws {
    let first = try LoopbackListener()
    #expect(throws: LoopbackFailure.self) { try LoopbackListener(port: first.port) }
    do {
      _ = try LoopbackListener(port: first.port)
    } catch {
      #expect(error.failure.summary.contains("already in use"))
    }
  }

  @Test func aRegisteredRedirectURIGivesPortAndPathAndANonLoopbackOneIsRefused() throws {
    let listener = try LoopbackListener(redirectURI: "http://127.0.0.1:0/oauth/done")
    #expect(listener.port != 0)
    #expect(listener.path == "/oauth/done")
    #expect(listener.redirectURI == "http://127.0.0.1:\(listener.port)/oauth/done")
    #expect(throws: LoopbackFailure.self) {
      try LoopbackListener(redirectURI: "https://example.com/callback")
    }
  }
}
