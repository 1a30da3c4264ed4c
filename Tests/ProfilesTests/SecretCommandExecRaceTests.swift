import Foundation
import Profiles
import Vocabulary
import XCTest

/// A secret-command script written a moment ago runs even while other threads keep starting
/// programs. A child being forked holds a copy of every open descriptor, the script's write end
/// included, until it execs; executing the script in that moment fails with ETXTBSY, which made
/// the secret-command tests flaky under load. XCTest, so the busy threads never hold the Swift
/// Testing pool.
final class SecretCommandExecRaceTests: XCTestCase {
  /// Set when the spawning threads should stop.
  private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    var isRaised: Bool { lock.withLock { raised } }
    func raise() { lock.withLock { raised = true } }
  }

  func testFreshScriptsRunWhileOtherThreadsKeepSpawning() throws {
    try withTemporaryFolder { folder in
      let stop = Flag()
      let stopped = DispatchGroup()
      for _ in 0..<2 {
        stopped.enter()
        Thread.detachNewThread {
          defer { stopped.leave() }
          while !stop.isRaised {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/bin/true")
            guard (try? child.run()) != nil else { continue }
            child.waitUntilExit()
          }
        }
      }
      defer {
        stop.raise()
        stopped.wait()
      }
      let store = Fixtures.store(folder)
      var failures: [String] = []
      for round in 0..<150 {
        let script = try Fixtures.script(folder, "secret-\(round)", "printf 'S3CR3T-round-%s' \(round)")
        let profile = Fixtures.profile("p", authType: .basic, store: .command([script]))
        do {
          let resolved = try store.secrets(for: profile, environment: ["PATH": "/usr/bin:/bin"])
          if resolved.values.password != Secret("S3CR3T-round-\(round)") {
            failures.append("round \(round): wrong answer")
          }
        } catch {
          failures.append("round \(round): \(error)")
        }
      }
      XCTAssertEqual(failures, [], "\(failures.count) of 150 fresh scripts did not run")
    }
  }
}
