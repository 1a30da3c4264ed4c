import Foundation
import Profiles
import ServiceNowClient
import Testing
import Vocabulary

@testable import App

@Suite struct ProfileTableTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  func listing() -> ProfileListing {
    ProfileListing(
      profiles: [
        ProfileSummary(
          name: "dev", instanceURL: URL(string: "http://127.0.0.1:8080")!, authType: .basic, isDefault: false,
          secretStore: "credentials file"),
        ProfileSummary(
          name: "prod", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .oauthPassword,
          isDefault: true, secretStore: "command: pass show sn/prod",
          accessTokenExpiresAt: now.addingTimeInterval(720), hasRefreshToken: true),
      ], drafts: ["half"])
  }

  @Test func marksTheDefaultAndShowsTokenExpiryInAlignedColumns() {
    let text = ProfileTable.render(listing(), drafts: [], now: now)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func column(_ word: String, in line: String) -> Int? {
      line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }
    #expect(lines[0].hasPrefix("  NAME  INSTANCE"))
    #expect(lines[1].hasPrefix("  dev   http://127.0.0.1:8080 "))
    #expect(
      lines[2].hasPrefix("* prod  https://acme.service-now.com  OAuth password  command: pass show sn/prod  ")
    )
    #expect(column("AUTH", in: lines[0]) == column("Basic", in: lines[1]))
    #expect(column("AUTH", in: lines[0]) == column("OAuth", in: lines[2]))
    #expect(column("TOKEN", in: lines[0]) == column("—", in: lines[1]))
    #expect(column("TOKEN", in: lines[0]) == column("expires in 12 min", in: lines[2]))
    #expect(lines[2].hasSuffix("expires in 12 min"))
    #expect(text.contains("* the default profile"))
  }

  @Test func listsHalfFinishedSetupsSeparatelyWithTheirInstance() {
    let draft = SetupDraft(name: "half", instanceURL: URL(string: "https://half.service-now.com")!)
    let text = ProfileTable.render(listing(), drafts: [draft], now: now)
    #expect(text.contains("Half-finished setups (resume one with: snowgate setup NAME):\n"))
    #expect(text.hasSuffix("\n  half  https://half.service-now.com"))
  }

  @Test func withoutProfilesSaysHowToMakeOne() {
    let text = ProfileTable.render(ProfileListing(profiles: [], drafts: []), drafts: [], now: now)
    #expect(text.contains("snowgate setup"))
    #expect(text.contains("snowgate demo"))
    #expect(!text.contains("NAME"))
  }

  @Test func withoutADefaultSaysHowToChooseOne() {
    var plain = listing()
    plain.profiles[1].isDefault = false
    #expect(ProfileTable.render(plain, drafts: [], now: now).contains("snowgate use NAME"))
    #expect(!ProfileTable.render(plain, drafts: [], now: now).contains("* "))
  }

  @Test func warnsWhenARefreshTokenExpiresWithinAWeek() {
    var profiles = listing().profiles
    #expect(ProfileTable.refreshWarnings(profiles, now: now).isEmpty, "no expiry known, nothing said")
    profiles[1].refreshTokenExpiresAt = now.addingTimeInterval(3 * 86_400 + 60)
    profiles[0].refreshTokenExpiresAt = now.addingTimeInterval(30 * 86_400)
    #expect(
      ProfileTable.refreshWarnings(profiles, now: now) == [
        "! prod: its refresh token expires in 3 day(s); sign in again before scripts break: snowgate setup prod"
      ])
    profiles[1].refreshTokenExpiresAt = now.addingTimeInterval(-5)
    let text = ProfileTable.render(ProfileListing(profiles: profiles, drafts: []), drafts: [], now: now)
    #expect(text.contains("! prod: its refresh token expired;"))
  }

  @Test func aCertificateProfileShowsItsCertificateAndNoToken() {
    let summaries = [
      ProfileSummary(
        name: "mtls", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .certificate,
        isDefault: true, secretStore: "credentials file"),
      ProfileSummary(
        name: "old", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .certificate,
        isDefault: false, secretStore: "credentials file"),
      ProfileSummary(
        name: "gone", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .certificate,
        isDefault: false, secretStore: "credentials file"),
    ]
    let valid = PresentedCertificate(
      subject: "CN=integration", issuer: "CN=Acme CA", notBefore: now.addingTimeInterval(-86_400),
      notAfter: now.addingTimeInterval(86_400 * 30))
    let expired = PresentedCertificate(
      subject: "CN=old", issuer: "CN=Acme CA", notBefore: now.addingTimeInterval(-86_400 * 60),
      notAfter: now.addingTimeInterval(-86_400))
    let text = ProfileTable.render(
      ProfileListing(profiles: summaries, drafts: []), drafts: [], now: now,
      certificates: [
        "mtls": .success(valid), "old": .success(expired),
        "gone": .failure(
          ServiceNowFailure(.certificateUnusable, detail: "The certificate file /x cannot be read.")),
      ])
    let lines = text.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.contains("mtls") && $0.contains("Client certificate") && $0.hasSuffix("none (certificate)")
      })
    #expect(lines.contains("  mtls: client certificate \(valid.summary)"), "\(lines)")
    #expect(
      lines.contains { $0.hasPrefix("! old: client certificate CN=old") && $0.contains("expired") },
      "\(lines)")
    #expect(
      lines.contains("! gone: its client certificate cannot be read: The certificate file /x cannot be read.")
    )
  }
}
