import Foundation
import Profiles
import Testing
import Vocabulary

/// The keyring store against a real Secret Service: gnome-keyring on a private D-Bus session.
@Suite struct RealKeyringTests {
  @Test(
    .enabled(if: RealKeyringSession.unavailableReason == nil, "\(RealKeyringSession.unavailableReason ?? "")")
  )
  func storeLookupAndClearAgainstGnomeKeyring() throws {
    try withTemporaryFolder { folder in
      let session = try RealKeyringSession(home: folder)
      defer { session.stop() }
      var environment = session.environment
      let sentinel = "S3NT1NEL-real-keyring \"pw\"\nline two"
      environment["SNOWGATE_PASSWORD"] = sentinel
      let keyring = KeyringStore(environment: environment)

      #expect(keyring.availability() == .available)
      #expect(try keyring.lookup(profile: "prod", kind: .password) == nil)
      try keyring.store(Secret(sentinel), profile: "prod", kind: .password)
      try keyring.store(Secret("S3CR3T-refresh"), profile: "prod", kind: .refreshToken)
      #expect(try keyring.lookup(profile: "prod", kind: .password) == Secret(sentinel))
      #expect(try keyring.lookup(profile: "prod", kind: .refreshToken) == Secret("S3CR3T-refresh"))
      try keyring.store(Secret("S3CR3T-replaced"), profile: "prod", kind: .password)
      #expect(try keyring.lookup(profile: "prod", kind: .password) == Secret("S3CR3T-replaced"))
      try keyring.clear(profile: "prod", kind: .password)
      #expect(try keyring.lookup(profile: "prod", kind: .password) == nil)
      #expect(try keyring.lookup(profile: "prod", kind: .refreshToken) == Secret("S3CR3T-refresh"))
      try keyring.clear(profile: "prod", kind: .password)
    }
  }

  @Test(
    .enabled(if: RealKeyringSession.unavailableReason == nil, "\(RealKeyringSession.unavailableReason ?? "")")
  )
  func aNewAccountWithoutALoginKeyringIsNamed() throws {
    try withTemporaryFolder { folder in
      // The bus starts gnome-keyring on demand, which has no "login" keyring in this fresh home
      // and no prompt to make one with.
      let session = try RealKeyringSession(home: folder, startKeyring: false)
      defer { session.stop() }
      let keyring = KeyringStore(environment: session.environment, deadline: 5)
      #expect(keyring.availability() == .unavailable(.noDefaultKeyring))
      #expect(throws: KeyringProblem.noDefaultKeyring) {
        try keyring.store(Secret("S3CR3T"), profile: "prod", kind: .password)
      }
    }
  }

  @Test(
    .enabled(if: RealKeyringSession.unavailableReason == nil, "\(RealKeyringSession.unavailableReason ?? "")")
  )
  func aBusWithoutAnyKeyringServiceIsNamed() throws {
    try withTemporaryFolder { folder in
      let session = try RealKeyringSession(home: folder, startKeyring: false, serviceFiles: false)
      defer { session.stop() }
      let keyring = KeyringStore(environment: session.environment, deadline: 5)
      #expect(keyring.availability() == .unavailable(.noKeyringService))
      #expect(KeyringProblem.noKeyringService.description.contains("no keyring service"))
    }
  }
}
