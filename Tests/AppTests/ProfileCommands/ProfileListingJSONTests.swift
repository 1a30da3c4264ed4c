import Foundation
import Profiles
import Testing

@testable import App

@Suite struct ProfileListingJSONTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func everyKeyIsPresentWithNullsForWhatIsMissing() throws {
    let profile = Profile(
      name: "prod", instanceURL: URL(string: "https://acme.service-now.com")!, apiVersion: "v2",
      authType: .oauthClientCredentials, clientID: "cid")
    let config = Config(defaultProfile: "prod", profiles: [profile])
    let listing = ProfileListing(
      profiles: [
        ProfileSummary(
          name: "prod", instanceURL: profile.instanceURL, authType: .oauthClientCredentials, isDefault: true,
          secretStore: "credentials file", accessTokenExpiresAt: now.addingTimeInterval(-10))
      ], drafts: [], credentialsProblem: nil)
    let text = ProfileListingJSON.render(listing, config: config, configFile: "/c/config.json", now: now)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "schema_version", "config_file", "default", "credentials_problem", "profiles", "drafts",
      ])
    #expect(object["default"] as? String == "prod")
    #expect(object["credentials_problem"] is NSNull)
    let entry = try #require((object["profiles"] as? [[String: Any]])?.first)
    #expect(
      Set(entry.keys) == [
        "name", "instance", "auth", "default", "api_version", "username", "client_id", "scope", "store",
        "store_command", "access_token", "access_token_expires_at", "has_refresh_token",
        "refresh_token_expires_at",
      ])
    #expect(entry["auth"] as? String == "client-credentials")
    #expect(entry["store"] as? String == "file")
    #expect(entry["api_version"] as? String == "v2")
    #expect(entry["client_id"] as? String == "cid")
    #expect(entry["username"] is NSNull)
    #expect(entry["access_token"] as? String == "expired")
    #expect(entry["access_token_expires_at"] as? String == "2027-01-15T07:59:50Z")
  }
}
