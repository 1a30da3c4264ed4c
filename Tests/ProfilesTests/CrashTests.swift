import Foundation
import Profiles
import Testing
import Vocabulary

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct CrashTests {
  /// The counter the writer encodes in the instance host (https://devN.service-now.com).
  private static func counter(_ profile: Profile) -> Int? {
    profile.instanceURL.host.flatMap { Int($0.dropFirst(3).prefix { $0.isNumber }) }
  }

  private static func counter(_ secret: Secret?) -> Int? {
    secret.flatMap { Int($0.reveal().split(separator: "-").last ?? "") }
  }

  @Test func aWriterKilledAtARandomMomentLeavesFilesThatLoad() throws {
    guard let writer = WriterProcess.executable() else { return }
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(
        profile: Profile(
          name: "crash", instanceURL: URL(string: "https://dev0.service-now.com")!, authType: .oauthPassword),
        secrets: StoredCredentials(password: Secret("S3CR3T-password-0")))
      var last = 0
      var progressed = 0
      var killedMidWrite = 0
      for _ in 0..<200 {
        let process = try WriterProcess.start(writer, ["crash", folder.path])
        usleep(UInt32.random(in: 1_000...20_000))
        process.killNow()
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        if entries.contains(where: { $0.contains(".tmp-") }) { killedMidWrite += 1 }

        let profile = try #require(try store.load().profile(named: "crash"))
        let saved = try #require(Self.counter(profile))
        let password = try #require(Self.counter(try store.storedCredentials(for: "crash")?.password))
        // Secrets are written before the config that names them: equal, or one save ahead.
        #expect(password == saved || password == saved + 1, "config \(saved), credentials \(password)")
        // A token is stored after its save; the next save replaces the entry without one.
        if let token = Self.counter(try store.storedCredentials(for: "crash")?.accessToken) {
          #expect(token == saved && password == saved, "config \(saved), token \(token)")
        }
        #expect(saved >= last)
        if saved > last { progressed += 1 }
        last = saved
      }
      // The writer got saves done, and some kills caught it with a temporary file half written.
      #expect(progressed > 0)
      #expect(killedMidWrite > 0)
      try store.save(profile: Fixtures.profile("after"), secrets: StoredCredentials())
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.contains(".tmp-")
      }
      #expect(leftovers.isEmpty)
    }
  }
}
