import Foundation
import Profiles
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct FileProblemTests {
  @Test func fileProblemsNameEachFileThatBlocksSaving() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      #expect(store.fileProblems().isEmpty)
      try store.save(profile: Fixtures.profile("prod"), secrets: Fixtures.secrets("p"))
      #expect(store.fileProblems().isEmpty)
      try Data("{".utf8).write(to: store.configURL)
      chmod(store.credentialsURL.path, 0o604)
      let problems = store.fileProblems()
      #expect(problems.count == 2)
      #expect(problems.first == .unreadable(path: store.configURL.path, problem: "it is not valid JSON."))
      #expect(problems.last == .credentialsTooOpen(path: store.credentialsURL.path, mode: 0o604))
    }
  }
}
