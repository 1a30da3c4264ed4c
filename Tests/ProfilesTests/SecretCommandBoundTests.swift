import Foundation
import Profiles
import Testing

/// A secret command that prints without end is stopped at 64 KiB with a sentence.
@Suite struct SecretCommandBoundTests {
  @Test func aCommandThatPrintsWithoutEndIsStopped() throws {
    try withTemporaryFolder { folder throws in
      let script = try Fixtures.script(folder, "endless", "exec yes S3CR3T-endless-output")
      let store = Fixtures.store(folder, timeout: 20)
      let profile = Fixtures.profile("p", authType: .basic, store: .command([script]))
      let started = Date()
      #expect(
        throws: ProfileStoreError.secretCommandFailed(
          command: script, kind: .password, problem: .printedTooMuch(limit: 64 * 1024))
      ) {
        _ = try store.secrets(for: profile, environment: [:])
      }
      #expect(Date().timeIntervalSince(started) < 10, "stopped at the bound, not at the timeout")
      let sentence = ProfileStoreError.secretCommandFailed(
        command: script, kind: .password, problem: .printedTooMuch(limit: 64 * 1024)
      ).errorDescription
      #expect(sentence?.contains("more than 64 KiB") == true)
      #expect(sentence?.contains("S3CR3T") == false)
    }
  }
}
