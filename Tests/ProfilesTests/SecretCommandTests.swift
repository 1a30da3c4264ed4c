import Foundation
import Profiles
import Testing
import Vocabulary

@Suite struct SecretCommandTests {
  @Test func aCommandThatPrintsTheSecretProvidesItTrimmed() throws {
    try withTemporaryFolder { folder throws in
      let script = try Fixtures.script(
        folder, "print-secret",
        "printf '  S3CR3T-%s-%s-%s\\n\\n' \"$1\" \"$SNOWGATE_SECRET_KIND\" \"$SNOWGATE_PROFILE\"")
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("prod", authType: .oauthPassword, store: .command([script, "{secret}"]))
      let resolved = try store.secrets(for: profile, environment: ["PATH": "/usr/bin:/bin"])
      #expect(resolved.values.password == Secret("S3CR3T-password-password-prod"))
      #expect(resolved.values.clientSecret == Secret("S3CR3T-client_secret-client_secret-prod"))
      #expect(resolved.sources[.password] == .command)
      #expect(resolved.sources[.clientSecret] == .command)
      #expect(resolved.values.refreshToken == nil)
    }
  }

  @Test func aCommandFoundOnPathRunsWithoutAShell() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      // Without a shell, "$HOME" and ";" reach the program as they are.
      let profile = Fixtures.profile("p", authType: .basic, store: .command(["echo", "S3CR3T-$HOME;", "x"]))
      let resolved = try store.secrets(
        for: profile, environment: ["PATH": "/usr/bin:/bin", "HOME": "/nowhere"])
      #expect(resolved.values.password == Secret("S3CR3T-$HOME; x"))
    }
  }

  @Test func aFailingCommandGivesAClearErrorWithoutItsOutput() throws {
    try withTemporaryFolder { folder throws in
      let script = try Fixtures.script(
        folder, "fail", "echo SENTINEL-S3CR3T-stdout\necho SENTINEL-S3CR3T-stderr >&2\nexit 3")
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("prod", authType: .basic, store: .command([script, "servicenow/prod"]))
      do {
        _ = try store.secrets(for: profile, environment: [:])
        Issue.record("a failing command must throw")
      } catch let error as ProfileStoreError {
        #expect(
          error
            == .secretCommandFailed(
              command: "\(script) servicenow/prod", kind: .password, problem: .exited(status: 3)))
        let message = error.localizedDescription
        #expect(message.contains("\(script) servicenow/prod"))
        #expect(message.contains("exit status 3"))
        #expect(!message.contains("S3CR3T"))
        #expect(!message.contains("SENTINEL"))
        #expect(!"\(error)".contains("SENTINEL"))
      }
    }
  }

  @Test func aMissingCommandIsNamed() throws {
    try withTemporaryFolder { folder throws in
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile(
        "p", authType: .basic, store: .command(["no-such-program-snowgate", "x"]))
      #expect(
        throws: ProfileStoreError.secretCommandFailed(
          command: "no-such-program-snowgate x", kind: .password, problem: .notFound)
      ) {
        _ = try store.secrets(for: profile, environment: ["PATH": folder.path])
      }
    }
  }

  @Test func aHangingCommandIsStoppedAfterTheTimeout() throws {
    try withTemporaryFolder { folder throws in
      let script = try Fixtures.script(folder, "hang", "echo SENTINEL-S3CR3T-partial\nexec sleep 30")
      let store = Fixtures.store(folder, timeout: 0.3)
      let profile = Fixtures.profile("p", authType: .basic, store: .command([script]))
      #expect(
        throws: ProfileStoreError.secretCommandFailed(
          command: script, kind: .password, problem: .timedOut(seconds: 0.3))
      ) {
        _ = try store.secrets(for: profile, environment: [:])
      }
    }
  }

  @Test func anEmptyAnswerIsAnErrorForAPasswordButNoneForAClientSecret() throws {
    try withTemporaryFolder { folder throws in
      let script = try Fixtures.script(folder, "empty", "echo")
      let store = Fixtures.store(folder)
      let basic = Fixtures.profile("p", authType: .basic, store: .command([script]))
      #expect(
        throws: ProfileStoreError.secretCommandFailed(
          command: script, kind: .password, problem: .printedNothing)
      ) {
        _ = try store.secrets(for: basic, environment: [:])
      }
      let publicClient = Fixtures.profile("q", authType: .oauthAuthorizationCode, store: .command([script]))
      let resolved = try store.secrets(for: publicClient, environment: [:])
      #expect(resolved.values.clientSecret == nil)
    }
  }

  @Test func secretVariablesAreNotPassedToTheCommand() throws {
    try withTemporaryFolder { folder throws in
      let script = try Fixtures.script(folder, "leak", "printf 'x%s' \"$SNOWGATE_PASSWORD\"")
      let store = Fixtures.store(folder)
      let profile = Fixtures.profile("p", authType: .oauthClientCredentials, store: .command([script]))
      let resolved = try store.secrets(for: profile, environment: ["SNOWGATE_PASSWORD": "S3CR3T-env"])
      #expect(resolved.values.clientSecret == Secret("x"))
    }
  }
}
