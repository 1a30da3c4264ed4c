import Foundation
import Profiles
import Testing
import Vocabulary

/// A half-finished setup keeps every field and the step it stopped at; drafts written before
/// steps were kept still read, and open at the start.
@Suite struct DraftStepTests {
  @Test func aDraftKeepsEveryFieldAndItsStep() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let draft = SetupDraft(
        name: "half", instanceURL: URL(string: "https://half.service-now.com")!, apiVersion: "v2",
        authType: .oauthPassword, clientID: "client-1", username: "admin", scope: "useraccount",
        redirectURI: "http://127.0.0.1:8484/callback", secretStore: .command(["pass", "show", "half"]),
        step: "token")
      try store.saveDraft(draft)
      var read = try #require(try store.load().draft(named: "half"))
      read.updatedAt = draft.updatedAt
      #expect(read == draft)
    }
  }

  @Test func aDraftWrittenWithoutAStepStillReads() throws {
    try withTemporaryFolder { folder throws in
      let old = """
        {"version": 1, "profiles": [], "drafts": [
          {"name": "half", "instanceURL": "https://half.service-now.com", "authType": "oauthPassword",
           "clientID": "client-1", "username": "admin", "updatedAt": "2026-01-01T00:00:00Z"}]}
        """
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      let path = folder.appendingPathComponent("config.json").path
      FileManager.default.createFile(
        atPath: path, contents: Data(old.utf8), attributes: [.posixPermissions: 0o600])
      let read = try #require(try Fixtures.store(folder).load().draft(named: "half"))
      #expect(read.step == nil)
      #expect(read.clientID == "client-1")
      #expect(read.username == "admin")
    }
  }
}
