import Diagnosis
import Foundation
import Profiles
import ServiceNowClient
import Testing
import Vocabulary

@testable import App

/// One JSON contract: each command's `--json` output (a golden in `screens/json/`) has exactly
/// the keys the README's "JSON output" section documents, in snake_case, with `schema_version`.
@Suite struct JSONContractTests {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  /// The documented example of `name`: the ```json block after `<!-- json-contract: name -->`.
  static func documented(_ name: String) throws -> Any {
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let marker = "<!-- json-contract: \(name) -->"
    let after = try #require(readme.range(of: marker)).upperBound
    let open = try #require(readme.range(of: "```json\n", range: after..<readme.endIndex)).upperBound
    let close = try #require(readme.range(of: "\n```", range: open..<readme.endIndex)).lowerBound
    return try JSONSerialization.jsonObject(with: Data(readme[open..<close].utf8))
  }

  /// Every key path of a JSON value: `checks[].id`, `diagnosis.code`, …
  static func paths(_ value: Any, prefix: String = "") -> Set<String> {
    if let object = value as? [String: Any] {
      var result: Set<String> = []
      for (key, inner) in object {
        let path = prefix.isEmpty ? key : prefix + "." + key
        result.insert(path)
        result.formUnion(paths(inner, prefix: path))
      }
      return result
    }
    if let array = value as? [Any] {
      return array.reduce(into: Set<String>()) { $0.formUnion(paths($1, prefix: prefix + "[]")) }
    }
    return []
  }

  static func checkOutput() -> String {
    var tls = CheckResult(
      id: .tls, status: .fail, detail: "certificate not trusted", remedy: "Trust the proxy's CA.",
      elapsedMilliseconds: 31,
      timings: CheckTimings(
        dnsMilliseconds: 2, connectMilliseconds: 9, tlsMilliseconds: 31, firstByteMilliseconds: 0,
        totalMilliseconds: 31))
    tls.presentedChain = [
      PresentedCertificate(
        subject: "CN=dev12345.service-now.com", issuer: "CN=Corp Inspection CA, O=Corp",
        notBefore: Date(timeIntervalSince1970: 1_767_225_600),
        notAfter: Date(timeIntervalSince1970: 1_798_761_600))
    ]
    let report = Report(
      profile: "prod", instance: "https://dev12345.service-now.com", auth: .basic,
      diagnosis: Verdict(
        code: "tls.untrusted", summary: "The instance's certificate is not trusted.",
        remedies: ["Trust the proxy's CA."]),
      checks: [
        CheckResult(
          id: .url, status: .pass, detail: "https://dev12345.service-now.com", elapsedMilliseconds: 0),
        tls,
        CheckResult(id: .auth, status: .skip, detail: "skipped: TLS failed", elapsedMilliseconds: 0),
      ], elapsedMilliseconds: 412)
    return JSONReport.render(report) + "\n"
  }

  static func profilesOutput() -> String {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let profile = Profile(
      name: "prod", instanceURL: URL(string: "https://dev12345.service-now.com")!, authType: .oauthPassword,
      clientID: "snowgate-demo", username: "admin")
    let config = Config(
      defaultProfile: "prod", profiles: [profile],
      drafts: [SetupDraft(name: "half", instanceURL: URL(string: "https://dev1.service-now.com")!)])
    let listing = ProfileListing(
      profiles: [
        ProfileSummary(
          name: "prod", instanceURL: profile.instanceURL, authType: .oauthPassword, isDefault: true,
          secretStore: "credentials file", accessTokenExpiresAt: now.addingTimeInterval(600),
          hasRefreshToken: true)
      ], drafts: ["half"], credentialsProblem: nil)
    return ProfileListingJSON.render(
      listing, config: config, configFile: "/home/me/.config/snowgate/config.json", now: now)
      + "\n"
  }

  /// `api --json` failing: the 401 of a Basic profile (every key holds a value here).
  static func apiErrorOutput() -> String {
    var report = APIFailureReport(diagnosis: Verdict(code: "", summary: ""))
    report.profile = "prod"
    report.instance = "https://dev12345.service-now.com"
    report.auth = .basic
    report.method = "GET"
    report.url = "https://dev12345.service-now.com/api/now/table/incident?sysparm_limit=1"
    report.failed(
      ServiceNowFailure(
        code: "auth.basic_rejected", summary: "The instance refused the user name or password.",
        remedies: ["Check the password."], detail: "The instance said: User Not Authenticated"),
      status: 401)
    return report.render() + "\n"
  }

  /// `token --json` of a profile whose token expires in ten minutes (a sentinel, not a token).
  static func tokenOutput() -> String {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let profile = Profile(
      name: "prod", instanceURL: URL(string: "https://dev12345.service-now.com")!, authType: .oauthPassword)
    let token = FreshToken(
      accessToken: Secret("ACCESS-TOKEN-EXAMPLE"), expiresAt: now.addingTimeInterval(600), origin: .stored)
    return TokenCommand.json(token, profile: profile, now: now) + "\n"
  }

  static func output(_ name: String) -> String {
    switch name {
    case "check": checkOutput()
    case "api-error": apiErrorOutput()
    case "token": tokenOutput()
    default: profilesOutput()
    }
  }

  @Test(arguments: ["check", "profiles", "api-error", "token"])
  func outputMatchesItsGoldenAndTheDocumentedKeys(_ name: String) throws {
    let output = Self.output(name)
    HelpGolden.check(output, named: "../json/\(name).json")
    let actual = try JSONSerialization.jsonObject(with: Data(output.utf8))
    let documented = try Self.documented(name)
    #expect(Self.paths(actual) == Self.paths(documented), "\(name): the README and the output differ")
    let object = try #require(actual as? [String: Any])
    #expect(object["schema_version"] is Int, "\(name) has no schema_version")
    for path in Self.paths(actual) {
      let key =
        path.split(separator: ".").last.map { String($0).replacingOccurrences(of: "[]", with: "") } ?? ""
      #expect(
        key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil,
        "\(name): \(path) is not snake_case")
    }
  }

  @Test func anAPIFailureIsOneLineWithTheExitStatusOfItsCode() throws {
    let output = Self.apiErrorOutput()
    #expect(output.filter { $0 == "\n" }.count == 1, "one line, so it can follow --paginate's pages")
    var report = APIFailureReport(diagnosis: Verdict(code: "", summary: ""))
    report.failed(ServiceNowFailure(.authBasicRejected))
    #expect(report.exitStatus == 3)
    report.failed(ServiceNowFailure(.httpTooLarge))
    #expect(report.exitStatus == 5)
    report.refused(UsageError("PATH is missing.", hint: "Give one."))
    #expect(report.exitStatus == 2)
    #expect(
      report.diagnosis == Verdict(code: "usage.invalid", summary: "PATH is missing.", remedies: ["Give one."])
    )
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(report.render().utf8)) as? [String: Any])
    #expect(object["status"] is NSNull)
    #expect(object["detail"] is NSNull)
    #expect(object["profile"] is NSNull)
  }

  @Test func enumValuesAreWordsNotProse() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(Self.profilesOutput().utf8)) as? [String: Any])
    let entry = try #require((object["profiles"] as? [[String: Any]])?.first)
    #expect(entry["store"] as? String == "file")
    #expect(entry["auth"] as? String == "password")
    #expect(entry["access_token"] as? String == "valid")
    #expect(ProfileListingJSON.storeWord(.command(["pass", "show", "x"])) == "command")
    #expect(ProfileListingJSON.storeCommand(.command(["pass", "show", "x"])) == "pass show x")
  }
}
