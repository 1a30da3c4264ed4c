import Foundation
import Profiles
import Testing
import Vocabulary

#if canImport(Glibc)
  import Glibc
#endif

/// Like ssh, the store refuses a folder or file another user could have written, before
/// reading anything in it, and says the command that fixes it.
@Suite struct FileTrustTests {
  /// The `untrusted` error `body` throws, or nil (recorded) when it throws another or none.
  func untrusted(_ body: () throws -> Void) -> (path: String, problem: String, fix: String)? {
    do {
      try body()
      Issue.record("no error thrown")
    } catch let ProfileStoreError.untrusted(path, problem, fix) {
      return (path, problem, fix)
    } catch {
      Issue.record("another error: \(error)")
    }
    return nil
  }

  @Test func aWorldWritableFolderIsRefusedWithTheFix() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      chmod(folder.path, 0o777)
      let refusal = untrusted { _ = try store.load() }
      #expect(refusal?.path == folder.path)
      #expect(refusal?.fix == "chmod 700 \(folder.path)")
      #expect(refusal?.problem.contains("every user can write it") == true)
      let sentence = ProfileStoreError.untrusted(path: "/x", problem: "p", fix: "chmod 700 /x")
        .errorDescription
      #expect(sentence?.contains("chmod 700 /x") == true)
      _ = untrusted { try store.save(profile: Fixtures.profile("other"), secrets: Fixtures.secrets("o")) }
      chmod(folder.path, 0o700)
      #expect(try store.load().profiles.map(\.name) == ["prod"], "the refused save wrote nothing")
    }
  }

  @Test func aConfigFileOwnedByAnotherUserIsRefused() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      let nobody = try #require(getpwnam("nobody")).pointee.pw_uid
      try #require(chown(store.configURL.path, nobody, gid_t.max) == 0, "tests run as root")
      let refusal = untrusted { _ = try store.load() }
      #expect(refusal?.path == store.configURL.path)
      #expect(refusal?.problem.contains("another user (uid \(nobody))") == true)
      #expect(refusal?.fix.hasPrefix("chown ") == true)
    }
  }

  @Test func aGroupWritableConfigFileIsRefusedWithChmod600() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      chmod(store.configURL.path, 0o664)
      #expect(untrusted { _ = try store.load() }?.fix == "chmod 600 \(store.configURL.path)")
    }
  }

  @Test func anExistingFolderIsTightenedTo0700WhenFilesAreCreatedInIt() throws {
    try withTemporaryFolder { folder throws in
      chmod(folder.path, 0o755)
      try Fixtures.store(folder).save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      #expect(try Fixtures.mode(folder) == 0o700)
    }
  }

  @Test func theLockFileIsNeverFollowedThroughASymlink() throws {
    try withTemporaryFolder { folder throws in
      let target = folder.appendingPathComponent("elsewhere")
      try FileManager.default.createSymbolicLink(
        atPath: folder.appendingPathComponent(".lock").path, withDestinationPath: target.path)
      #expect(throws: ProfileStoreError.self) {
        try Fixtures.store(folder).save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      }
      #expect(!FileManager.default.fileExists(atPath: target.path), "the link was followed")
    }
  }

  @Test func anOversizedOrSpecialConfigFileGivesASentenceNotAHang() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      try Data(repeating: 0x20, count: 5 * 1024 * 1024).write(to: store.configURL)
      chmod(store.configURL.path, 0o600)
      #expect(throws: ProfileStoreError.self) { _ = try store.load() }
      if case .unreadable(_, let problem)? = store.fileProblems().first {
        #expect(problem.contains("4 MiB"), "\(problem)")
      } else {
        Issue.record("an oversized config is not reported as unreadable")
      }
      let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
      try Data(deep.utf8).write(to: store.configURL)
      if case .unreadable(_, let problem)? = store.fileProblems().first {
        #expect(problem.contains("nests deeper than 64 levels"), "\(problem)")
      } else {
        Issue.record("a deeply nested config is not reported as unreadable")
      }
      try FileManager.default.removeItem(at: store.configURL)
      #expect(mkfifo(store.configURL.path, 0o600) == 0)
      #expect(
        store.fileProblems().first
          == .unreadable(path: store.configURL.path, problem: "it is not a regular file."))
    }
  }
}

/// A secret command another user could have replaced is never run.
@Suite struct SecretProgramTrustTests {
  @Test func aWorldWritableSecretProgramIsNotRun() throws {
    try withTemporaryFolder { folder throws in
      let marker = folder.appendingPathComponent("ran")
      let script = try Fixtures.script(folder, "secret", "touch '\(marker.path)'; echo S3CR3T")
      chmod(script, 0o777)
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("p", authType: .basic, store: .command([script]))
      #expect(
        throws: ProfileStoreError.untrusted(
          path: script, problem: "every user can write it (its mode is 0777)", fix: "chmod go-w \(script)")
      ) {
        _ = try store.secrets(for: profile, environment: [:])
      }
      #expect(!FileManager.default.fileExists(atPath: marker.path), "the program ran")
      chmod(script, 0o755)
      #expect(try store.secrets(for: profile, environment: [:]).values.password == Secret("S3CR3T"))
    }
  }
}
