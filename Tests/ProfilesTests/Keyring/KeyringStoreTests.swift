import Foundation
import Profiles
import TestSupport
import Testing
import Vocabulary

#if canImport(Glibc)
  import Glibc
#endif

/// The keyring store against a fake `secret-tool`: the exact calls, the stdin hand-over, lookup and clear.
@Suite struct KeyringStoreTests {
  static let sentinel = "S3NT1NEL-keyring pw 'with\" quotes\nand a newline"

  @Test func aSecretGoesInOnStandardInputAndComesBackUnchanged() throws {
    try withTemporaryFolder { folder in
      let fake = try FakeSecretTool(in: folder)
      var environment = fake.environment
      environment["SNOWGATE_PASSWORD"] = Self.sentinel
      environment["SNOWGATE_CLIENT_SECRET"] = Self.sentinel
      let keyring = KeyringStore(environment: environment)

      try keyring.store(Secret(Self.sentinel), profile: "prod", kind: .password)
      #expect(try keyring.lookup(profile: "prod", kind: .password) == Secret(Self.sentinel))

      #expect(
        fake.calls == [
          "store --label=snowgate prod password service snowgate profile prod kind password",
          "lookup service snowgate profile prod kind password",
        ])
      let log = try String(contentsOf: folder.appendingPathComponent("argv.log"), encoding: .utf8)
      #expect(!log.contains("S3NT1NEL"), "the secret reached argv")
      #expect(fake.snowgateVariableCounts == ["0", "0"], "SNOWGATE_* variables reached the tool")
      let attributes = try FileManager.default.attributesOfItem(atPath: fake.database.path)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
  }

  @Test func eachProfileAndKindIsItsOwnItem() throws {
    try withTemporaryFolder { folder in
      let fake = try FakeSecretTool(in: folder)
      let keyring = KeyringStore(environment: fake.environment)
      try keyring.store(Secret("S3CR3T-pw"), profile: "prod", kind: .password)
      try keyring.store(Secret("S3CR3T-refresh"), profile: "prod", kind: .refreshToken)
      try keyring.store(Secret("S3CR3T-access"), profile: "prod", kind: .accessToken)
      try keyring.store(Secret("S3CR3T-other"), profile: "prod2", kind: .password)
      try keyring.store(Secret("S3CR3T-pw-2"), profile: "prod", kind: .password)

      #expect(try keyring.lookup(profile: "prod", kind: .password) == Secret("S3CR3T-pw-2"))
      #expect(try keyring.lookup(profile: "prod", kind: .refreshToken) == Secret("S3CR3T-refresh"))
      #expect(try keyring.lookup(profile: "prod", kind: .accessToken) == Secret("S3CR3T-access"))
      #expect(try keyring.lookup(profile: "prod2", kind: .password) == Secret("S3CR3T-other"))
      #expect(try keyring.lookup(profile: "prod", kind: .clientSecret) == nil)
      #expect(
        fake.calls.contains(
          "store --label=snowgate prod refresh token service snowgate profile prod kind refresh_token"))
    }
  }

  @Test func clearRemovesOnlyThatItemAndClearingNothingIsFine() throws {
    try withTemporaryFolder { folder in
      let fake = try FakeSecretTool(in: folder)
      let keyring = KeyringStore(environment: fake.environment)
      try keyring.store(Secret("S3CR3T-pw"), profile: "prod", kind: .password)
      try keyring.store(Secret("S3CR3T-cs"), profile: "prod", kind: .clientSecret)

      try keyring.clear(profile: "prod", kind: .password)
      #expect(try keyring.lookup(profile: "prod", kind: .password) == nil)
      #expect(try keyring.lookup(profile: "prod", kind: .clientSecret) == Secret("S3CR3T-cs"))
      try keyring.clear(profile: "prod", kind: .password)
      #expect(
        fake.calls.suffix(4) == [
          "clear service snowgate profile prod kind password",
          "lookup service snowgate profile prod kind password",
          "lookup service snowgate profile prod kind client_secret",
          "clear service snowgate profile prod kind password",
        ])
    }
  }

  @Test func aLockedKeyringIsNamedAndTheProbeFindsIt() throws {
    try withTemporaryFolder { folder in
      let fake = try FakeSecretTool(in: folder)
      fake.set("locked", true)
      let keyring = KeyringStore(environment: fake.environment)
      #expect(throws: KeyringProblem.locked) {
        try keyring.store(Secret("S3CR3T"), profile: "prod", kind: .password)
      }
      #expect(keyring.availability() == .unavailable(.locked))
      #expect(KeyringProblem.locked.description.contains("locked and cannot be unlocked here"))
      fake.set("locked", false)
      #expect(keyring.availability() == .available)
      #expect(
        fake.calls.suffix(2) == [
          "store --label=snowgate keyring probe service snowgate probe availability",
          "clear service snowgate probe availability",
        ])
      #expect((try String(contentsOf: fake.database, encoding: .utf8)).isEmpty, "the probe item stayed")
    }
  }

  @Test func availabilityNamesAMissingToolAndAMissingSessionBus() throws {
    try withTemporaryFolder { folder in
      let fake = try FakeSecretTool(in: folder)
      let noTool = KeyringStore(environment: [
        "PATH": folder.path, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/x",
      ])
      #expect(noTool.availability() == .unavailable(.toolMissing(tool: "secret-tool")))
      #expect(KeyringProblem.toolMissing(tool: "secret-tool").description.contains("libsecret-tools"))

      var environment = fake.environment
      environment["DBUS_SESSION_BUS_ADDRESS"] = nil
      environment["XDG_RUNTIME_DIR"] = folder.path
      let noBus = KeyringStore(environment: environment)
      #expect(noBus.availability() == .unavailable(.noSessionBus))
      #expect(KeyringProblem.noSessionBus.description.contains("no D-Bus session"))
      #expect(fake.calls.isEmpty, "the probe ran the tool although nothing could answer it")
    }
  }

  @Test func aKeyringThatDoesNotAnswerIsStoppedAtTheDeadline() throws {
    try withTemporaryFolder { folder in
      let fake = try FakeSecretTool(in: folder)
      fake.set("slow", true)
      let keyring = KeyringStore(environment: fake.environment, deadline: 0.5)
      let started = Date()
      #expect(throws: KeyringProblem.timedOut(tool: "secret-tool", seconds: 0.5)) {
        _ = try keyring.lookup(profile: "prod", kind: .password)
      }
      #expect(Date().timeIntervalSince(started) < 5)
    }
  }
}
