import Foundation
import Profiles
import Testing
import Vocabulary

@testable import App

@Suite struct ShadowNoticeTests {
  func profile(_ store: SecretStore, auth: AuthKind = .oauthPassword) -> Profile {
    Profile(
      name: "p", instanceURL: URL(string: "https://x.service-now.com")!, authType: auth, secretStore: store)
  }

  @Test func aVariableShadowsOnlyWhatTheFileHolds() {
    let stored = StoredCredentials(password: Secret("S3CR3T-pw"))
    let environment = ["SNOWGATE_PASSWORD": "S3CR3T-other", "SNOWGATE_CLIENT_SECRET": "S3CR3T-cs"]
    let notice = ShadowNotice.compute(profile: profile(.file), stored: stored, environment: environment)
    #expect(notice.shadowed == [.password])
    #expect(
      notice.notes == [
        "SNOWGATE_PASSWORD is set, so it is used instead of the password saved in the credentials file."
      ])
    #expect(!notice.notes.joined().contains("S3CR3T"))
  }

  @Test func aVariableShadowsTheCommandForEveryNeededSecret() {
    let notice = ShadowNotice.compute(
      profile: profile(.command(["pass", "show", "x"])), stored: nil,
      environment: ["SNOWGATE_PASSWORD": "a", "SNOWGATE_CLIENT_SECRET": "b", "SNOWGATE_REFRESH_TOKEN": "c"])
    #expect(notice.shadowed == [.password, .clientSecret])
    #expect(notice.notes.first?.contains("the profile's command would print") == true)
  }

  @Test func emptyVariablesAndTheEnvironmentStoreShadowNothing() {
    let stored = StoredCredentials(password: Secret("x"))
    #expect(
      ShadowNotice.compute(profile: profile(.file), stored: stored, environment: ["SNOWGATE_PASSWORD": ""])
        .shadowed.isEmpty)
    #expect(
      ShadowNotice.compute(
        profile: profile(.environment), stored: stored, environment: ["SNOWGATE_PASSWORD": "y"]
      ).shadowed.isEmpty)
  }

  @Test func filteringKeepsTheWordingOfTheStore() {
    let notice = ShadowNotice.compute(
      profile: profile(.command(["c"])), stored: nil,
      environment: ["SNOWGATE_PASSWORD": "a", "SNOWGATE_CLIENT_SECRET": "b"])
    let filtered = notice.filtered(store: .command(["c"])) { $0 == .clientSecret }
    #expect(filtered.shadowed == [.clientSecret])
    #expect(filtered.notes.count == 1)
    #expect(filtered.notes[0].hasPrefix("SNOWGATE_CLIENT_SECRET"))
  }
}
