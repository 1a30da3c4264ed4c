import Foundation
import Profiles
import Testing
import Vocabulary

@Suite struct ConcurrencyTests {
  @Test func manyTasksSavingDifferentProfilesAllKeepTheirs() async throws {
    try await withTemporaryFolder { folder async throws in
      let store = Fixtures.store(folder)
      let writers = 8
      let savesEach = 25
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
          group.addTask {
            for index in 0..<savesEach {
              let name = "w\(writer)-\(index)"
              try store.save(profile: Fixtures.profile(name), secrets: Fixtures.secrets(name))
              if index > 0 {
                let previous = "w\(writer)-\(index - 1)"
                try store.updateTokens(
                  profile: previous,
                  TokenSet(expiresAt: nil, obtainedAt: Date(), accessToken: Secret("S3CR3T-t-\(previous)")))
              }
            }
          }
        }
        try await group.waitForAll()
      }
      let config = try store.load()
      #expect(config.profiles.count == writers * savesEach)
      for writer in 0..<writers {
        for index in 0..<savesEach {
          let name = "w\(writer)-\(index)"
          let stored = try store.storedCredentials(for: name)
          #expect(stored?.password == Fixtures.secrets(name).password)
          let token = index < savesEach - 1 ? "S3CR3T-t-\(name)" : "S3CR3T-access-\(name)"
          #expect(stored?.accessToken == Secret(token))
        }
      }
    }
  }

  @Test func twoProcessesSavingAHundredProfilesEachLoseNothing() throws {
    guard let writer = WriterProcess.executable() else { return }
    try withTemporaryFolder { folder throws in
      let first = try WriterProcess.start(writer, ["many", folder.path, "a", "100"])
      let second = try WriterProcess.start(writer, ["many", folder.path, "b", "100"])
      #expect(first.wait() == 0)
      #expect(second.wait() == 0)
      let store = Fixtures.store(folder)
      let names = try store.load().profiles.map(\.name)
      let expected = (0..<100).flatMap { ["a-\($0)", "b-\($0)"] }
      #expect(Set(names) == Set(expected))
      #expect(names.count == 200)
      for index in 0..<100 {
        for prefix in ["a", "b"] {
          let stored = try store.storedCredentials(for: "\(prefix)-\(index)")
          #expect(stored?.password == Secret("S3CR3T-password-\(index)"))
        }
      }
    }
  }
}
