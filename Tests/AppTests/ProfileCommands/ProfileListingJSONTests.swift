import Foundation
import Profiles
import ServiceNowClient
import Testing
import Vocabulary

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
        "refresh_token_expires_at", "client_certificate",
      ])
    #expect(entry["auth"] as? String == "client-credentials")
    #expect(entry["store"] as? String == "file")
    #expect(entry["api_version"] as? String == "v2")
    #expect(entry["client_id"] as? String == "cid")
    #expect(entry["username"] is NSNull)
    #expect(entry["access_token"] as? String == "expired")
    #expect(entry["access_token_expires_at"] as? String == "2027-01-15T07:59:50Z")
  }

  @Test func aCertificateProfileNamesItsFilesAndWhatOpensslRead() throws {
    let profile = Profile(
      name: "mtls", instanceURL: URL(string: "https://acme.service-now.com")!, authType: .certificate,
      clientCertificateFile: "/certs/client.pem", clientKeyFile: "/certs/client.key")
    let config = Config(defaultProfile: "mtls", profiles: [profile])
    let listing = ProfileListing(
      profiles: [
        ProfileSummary(
          name: "mtls", instanceURL: profile.instanceURL, authType: .certificate, isDefault: true,
          secretStore: "credentials file")
      ], drafts: [], credentialsProblem: nil)
    let read = PresentedCertificate(
      subject: "CN=integration", issuer: "CN=Acme CA", notBefore: now, notAfter: now.addingTimeInterval(3600))
    let text = ProfileListingJSON.render(
      listing, config: config, configFile: "/c/config.json", now: now, certificates: ["mtls": .success(read)])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let entry = try #require((object["profiles"] as? [[String: Any]])?.first)
    let certificate = try #require(entry["client_certificate"] as? [String: Any])
    #expect(entry["auth"] as? String == "certificate")
    #expect(certificate["file"] as? String == "/certs/client.pem")
    #expect(certificate["key_file"] as? String == "/certs/client.key")
    #expect(certificate["subject"] as? String == "CN=integration")
    #expect(certificate["issuer"] as? String == "CN=Acme CA")
    #expect(certificate["not_after"] as? String == "2027-01-15T09:00:00Z")
    #expect(certificate["problem"] is NSNull)
  }
}
