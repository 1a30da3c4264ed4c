import Foundation
import XCTest

/// `snowgate setup NAME --no-input`: tests the connection, saves only what passed, never shows
/// or stores a secret where it should not.
final class ProfileSetupTests: XCTestCase {
  func testBasicSetupSavesAProfileThatProfilesListsAsDefault() async throws {
    let workspace = try ProfileWorkspace()
    let setup = try workspace.setupBasic("dev")
    XCTAssertTrue(setup.stdout.contains("Saved the profile 'dev'"), setup.stdout)

    let listing = try workspace.listing()
    let profiles = try XCTUnwrap(listing["profiles"] as? [[String: Any]])
    XCTAssertEqual(profiles.count, 1)
    XCTAssertEqual(profiles.first?["name"] as? String, "dev")
    XCTAssertEqual(profiles.first?["auth"] as? String, "basic")
    XCTAssertEqual(profiles.first?["username"] as? String, ProfileWorkspace.user)
    XCTAssertEqual(profiles.first?["default"] as? Bool, true)
    XCTAssertEqual(listing["default"] as? String, "dev")

    let table = try workspace.run(["profiles"])
    XCTAssertTrue(table.stdout.contains("* dev"), table.stdout)
    workspace.assertNoSentinel(
      [setup.stdout, setup.stderr, table.stdout, table.stderr, workspace.text(of: workspace.configFile)],
      "setup, profiles or config.json")
    XCTAssertTrue(workspace.text(of: workspace.credentialsFile).contains(ProfileWorkspace.password))
    XCTAssertEqual(try workspace.mode(of: workspace.credentialsFile), 0o600)
  }

  func testWrongPasswordSavesNothingAndExitsThreeUnlessSaveAnyway() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let arguments = [
      "setup", "dev", "--no-input", "--store", "file", "--instance", url, "--auth", "basic", "--username",
      ProfileWorkspace.user,
    ]
    let wrong = "wrong-S3CR3T-SENTINEL-pw"
    let refused = try workspace.run(arguments, environment: ["SNOWGATE_PASSWORD": wrong])
    XCTAssertEqual(refused.status, 3, refused.stderr)
    XCTAssertTrue(refused.stderr.contains("--save-anyway"), refused.stderr)
    XCTAssertTrue(refused.stderr.contains("auth."), "the failure code is missing: \(refused.stderr)")
    XCTAssertEqual(try workspace.profileNames(), [])

    let anyway = try workspace.run(arguments + ["--save-anyway"], environment: ["SNOWGATE_PASSWORD": wrong])
    XCTAssertEqual(anyway.status, 0, anyway.stderr)
    XCTAssertTrue(anyway.stdout.contains("--save-anyway"), anyway.stdout)
    XCTAssertEqual(try workspace.profileNames(), ["dev"])
    for text in [refused.stdout, refused.stderr, anyway.stdout, anyway.stderr] {
      XCTAssertFalse(text.contains(wrong), "a run shows the password")
    }
  }

  /// setup --no-input tests through the same connection service as check: a wrong client
  /// secret gets one verdict, with the same code, words and exit status from both.
  func testSetupAndCheckGiveTheSameVerdictForTheSameConnection() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let secrets = [
      "SNOWGATE_PASSWORD": ProfileWorkspace.password, "SNOWGATE_CLIENT_SECRET": "not-the-S3CR3T",
    ]
    let setup = try workspace.run(
      [
        "setup", "oauth", "--no-input", "--store", "file", "--instance", url, "--auth", "password",
        "--client-id", ProfileWorkspace.clientID, "--username", ProfileWorkspace.user, "--save-anyway",
      ], environment: secrets)
    XCTAssertEqual(setup.status, 0, setup.stderr)
    let check = try workspace.run(["check", "oauth", "--json"], environment: secrets)
    let report = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], check.stdout)
    let diagnosis = try XCTUnwrap(report["diagnosis"] as? [String: Any])
    let code = try XCTUnwrap(diagnosis["code"] as? String)
    let summary = try XCTUnwrap(diagnosis["summary"] as? String)
    XCTAssertTrue(code.hasPrefix("oauth."), code)
    XCTAssertTrue(setup.stderr.contains("(\(code)): \(summary)"), "setup said: \(setup.stderr)")
    XCTAssertTrue(setup.stdout.contains("\(code): \(summary)"), "setup's report: \(setup.stdout)")
    XCTAssertEqual(check.status, exitStatus(of: code))
    let again = try workspace.run(["check", "oauth"], environment: secrets)
    XCTAssertTrue(again.stdout.contains("\(code): \(summary)"), again.stdout)
  }

  /// The exit status check documents for a verdict code's family.
  private func exitStatus(of code: String) -> Int32 {
    code.hasPrefix("oauth.") || code.hasPrefix("auth.") ? 3 : 1
  }

  func testPasswordGrantStoresTokensWithExpiryInAPrivateFile() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let setup = try workspace.run(
      [
        "setup", "oauth", "--no-input", "--store", "file", "--instance", url, "--auth", "password",
        "--client-id",
        ProfileWorkspace.clientID, "--username", ProfileWorkspace.user, "--password-stdin",
      ],
      environment: ["SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret],
      stdin: ProfileWorkspace.password + "\n")
    XCTAssertEqual(setup.status, 0, setup.stderr)

    XCTAssertEqual(try workspace.mode(of: workspace.credentialsFile), 0o600)
    let data = try Data(contentsOf: workspace.credentialsFile)
    let file = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let entry = try XCTUnwrap((file["profiles"] as? [String: Any])?["oauth"] as? [String: Any])
    XCTAssertNotNil(entry["accessToken"] as? String)
    XCTAssertNotNil(entry["refreshToken"] as? String)
    let expiry = try XCTUnwrap(entry["accessTokenExpiresAt"] as? String)
    let expiresAt = try XCTUnwrap(ISO8601DateFormatter().date(from: expiry))
    XCTAssertGreaterThan(expiresAt, Date())

    let listing = try workspace.listing()
    let profile = try XCTUnwrap((listing["profiles"] as? [[String: Any]])?.first)
    XCTAssertEqual(profile["access_token"] as? String, "valid")
    XCTAssertEqual(profile["access_token_expires_at"] as? String, expiry)
    XCTAssertEqual(profile["has_refresh_token"] as? Bool, true)
    let table = try workspace.run(["profiles"])
    XCTAssertTrue(table.stdout.contains("expires in"), table.stdout)

    let token = try XCTUnwrap(entry["accessToken"] as? String)
    let outputs = [setup.stdout, setup.stderr, table.stdout, table.stderr]
    workspace.assertNoSentinel(outputs + [workspace.text(of: workspace.configFile)], "setup or config.json")
    XCTAssertFalse(outputs.joined().contains(token), "an access token was printed")
  }

  func testEnvironmentStoreKeepsNoSecretAtAll() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let setup = try workspace.run(
      [
        "setup", "ci", "--no-input", "--instance", url, "--auth", "password", "--client-id",
        ProfileWorkspace.clientID, "--username", ProfileWorkspace.user, "--store", "env",
      ],
      environment: [
        "SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret,
        "SNOWGATE_PASSWORD": ProfileWorkspace.password,
      ])
    XCTAssertEqual(setup.status, 0, setup.stderr)
    XCTAssertEqual(try workspace.profileNames(), ["ci"])
    XCTAssertTrue(setup.stdout.contains("No secret was stored"), setup.stdout)
    workspace.assertNoSentinel(
      [
        setup.stdout, setup.stderr, workspace.text(of: workspace.configFile),
        workspace.text(of: workspace.credentialsFile),
      ], "setup, config.json or credentials.json")
    XCTAssertFalse(workspace.text(of: workspace.credentialsFile).contains("accessToken"))
  }

  func testCommandStoreTakesThePasswordFromTheScriptAndStoresOnlyTheCommand() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let script = workspace.folder.appendingPathComponent("print-secret.sh")
    try Data("#!/bin/sh\necho '\(ProfileWorkspace.password)'\n".utf8).write(to: script)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
    let setup = try workspace.run([
      "setup", "keyring", "--no-input", "--instance", url, "--auth", "basic", "--username",
      ProfileWorkspace.user, "--store", "command:'\(script.path)' {secret}",
    ])
    XCTAssertEqual(setup.status, 0, setup.stderr)
    let config = workspace.text(of: workspace.configFile)
    XCTAssertTrue(config.contains(script.path), config)
    workspace.assertNoSentinel(
      [setup.stdout, setup.stderr, config, workspace.text(of: workspace.credentialsFile)],
      "setup, config.json or credentials.json")
    let listing = try workspace.listing()
    let profile = try XCTUnwrap((listing["profiles"] as? [[String: Any]])?.first)
    XCTAssertEqual(profile["store"] as? String, "command")
    XCTAssertEqual(profile["store_command"] as? String, "\(script.path) {secret}")
  }

  func testFailingSecretCommandIsAClearErrorAndSavesNothing() async throws {
    let workspace = try ProfileWorkspace()
    let setup = try workspace.run([
      "setup", "keyring", "--no-input", "--instance", "http://127.0.0.1:9", "--auth", "basic", "--username",
      "someone", "--store", "command:/bin/false",
    ])
    XCTAssertEqual(setup.status, 2, setup.stderr)
    XCTAssertTrue(setup.stderr.contains("/bin/false"), setup.stderr)
    XCTAssertTrue(setup.stderr.contains("SNOWGATE_PASSWORD"), setup.stderr)
    XCTAssertEqual(try workspace.profileNames(), [])
  }

  func testSetupRefusesWhatNeedsAPersonWithoutTouchingTheNetwork() async throws {
    let workspace = try ProfileWorkspace()
    let base = ["setup", "x", "--no-input", "--instance", "http://127.0.0.1:9"]
    let browser = try workspace.run(base + ["--auth", "authorization-code", "--client-id", "c"])
    XCTAssertEqual(browser.status, 2)
    XCTAssertTrue(browser.stderr.contains("browser"), browser.stderr)
    let ask = try workspace.run(base + ["--auth", "basic", "--username", "u", "--store", "ask"])
    XCTAssertEqual(ask.status, 2)
    XCTAssertTrue(ask.stderr.contains("--store ask"), ask.stderr)
    let noPassword = try workspace.run(base + ["--auth", "basic", "--username", "u", "--store", "file"])
    XCTAssertEqual(noPassword.status, 2)
    XCTAssertTrue(noPassword.stderr.contains("SNOWGATE_PASSWORD"), noPassword.stderr)
    let inArgv = try workspace.run(
      base + ["--auth", "basic", "--username", "u", "--password", "S3CR3T-argv"])
    XCTAssertEqual(inArgv.status, 2)
    XCTAssertFalse(inArgv.stderr.contains("S3CR3T-argv"), inArgv.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.configFile.path))
  }

  func testPasswordStdinRefusesATerminalWhereThePasswordWouldShow() async throws {
    let workspace = try ProfileWorkspace()
    let run = try workspace.runOnTerminal(
      [
        "setup", "dev", "--no-input", "--store", "file", "--instance", "http://127.0.0.1:9", "--auth",
        "basic", "--username",
        "u",
        "--password-stdin",
      ], typed: "")
    XCTAssertEqual(run.status, 2, run.screen)
    XCTAssertTrue(run.screen.contains("standard input is a terminal"), run.screen)
    XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.configFile.path))
  }

  func testOpenCredentialsFileIsRefusedWithTheChmodFix() async throws {
    let workspace = try ProfileWorkspace()
    try workspace.setupBasic("dev")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: workspace.credentialsFile.path)
    let before = try Data(contentsOf: workspace.credentialsFile)

    let setup = try workspace.run(
      [
        "setup", "other", "--no-input", "--store", "file", "--instance",
        try workspace.simulator().url.absoluteString, "--auth",
        "basic", "--username", ProfileWorkspace.user,
      ], environment: ["SNOWGATE_PASSWORD": ProfileWorkspace.password])
    XCTAssertEqual(setup.status, 2, setup.stderr)
    XCTAssertTrue(setup.stderr.contains("chmod 600 \(workspace.credentialsFile.path)"), setup.stderr)

    let listing = try workspace.run(["profiles"])
    XCTAssertEqual(listing.status, 0, listing.stderr)
    XCTAssertTrue(listing.stdout.contains("dev"), listing.stdout)
    XCTAssertTrue(listing.stderr.contains("chmod 600"), listing.stderr)
    XCTAssertEqual(try Data(contentsOf: workspace.credentialsFile), before)
    XCTAssertEqual(try workspace.profileNames(), ["dev"])
    workspace.assertNoSentinel([setup.stdout, setup.stderr, listing.stdout, listing.stderr], "the refusals")
  }
}

/// The OAuth grants other than the password grant, and what setup says about the environment.
final class ProfileSetupGrantTests: XCTestCase {
  func testClientCredentialsAndRefreshTokenSetupsStoreTheirTokens() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let client = try workspace.run(
      [
        "setup", "svc", "--no-input", "--store", "file", "--instance", url, "--auth", "client-credentials",
        "--client-id",
        ProfileWorkspace.clientID,
      ], environment: ["SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret])
    XCTAssertEqual(client.status, 0, client.stderr)

    let password = try workspace.run(
      [
        "setup", "seed", "--no-input", "--store", "file", "--instance", url, "--auth", "password",
        "--client-id",
        ProfileWorkspace.clientID, "--username", ProfileWorkspace.user,
      ],
      environment: [
        "SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret,
        "SNOWGATE_PASSWORD": ProfileWorkspace.password,
      ])
    XCTAssertEqual(password.status, 0, password.stderr)
    let data = try Data(contentsOf: workspace.credentialsFile)
    let file = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let seed = try XCTUnwrap((file["profiles"] as? [String: Any])?["seed"] as? [String: Any])
    let refreshToken = try XCTUnwrap(seed["refreshToken"] as? String)

    let refresh = try workspace.run(
      [
        "setup", "pasted", "--no-input", "--store", "file", "--instance", url, "--auth", "refresh-token",
        "--client-id",
        ProfileWorkspace.clientID,
      ],
      environment: [
        "SNOWGATE_CLIENT_SECRET": ProfileWorkspace.clientSecret, "SNOWGATE_REFRESH_TOKEN": refreshToken,
      ])
    XCTAssertEqual(refresh.status, 0, refresh.stderr)
    XCTAssertFalse((refresh.stdout + refresh.stderr).contains(refreshToken), "the refresh token was printed")

    let profiles = try XCTUnwrap(try workspace.listing()["profiles"] as? [[String: Any]])
    let states = Dictionary(uniqueKeysWithValues: profiles.map { ($0["name"] as? String ?? "", $0) })
    XCTAssertEqual(states["svc"]?["access_token"] as? String, "valid")
    XCTAssertEqual(states["svc"]?["auth"] as? String, "client-credentials")
    XCTAssertEqual(states["pasted"]?["access_token"] as? String, "valid")
    XCTAssertEqual(states["pasted"]?["has_refresh_token"] as? Bool, true)
    workspace.assertNoSentinel(
      [client.stdout, client.stderr, password.stdout, password.stderr, refresh.stdout, refresh.stderr],
      "the setups")
  }

  func testAVariableThatHidesTheStoresCommandIsPointedOut() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let setup = try workspace.run(
      [
        "setup", "keyring", "--no-input", "--instance", url, "--auth", "basic", "--username",
        ProfileWorkspace.user, "--store", "command:/bin/false",
      ], environment: ["SNOWGATE_PASSWORD": ProfileWorkspace.password])
    XCTAssertEqual(setup.status, 0, setup.stderr)
    XCTAssertTrue(
      setup.stdout.contains(
        "Note: SNOWGATE_PASSWORD is set, so it is used instead of the password the profile's command would print."
      ),
      setup.stdout)
  }

  func testAPasswordFromStdinThatDiffersFromTheVariableIsPointedOut() async throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let setup = try workspace.run(
      [
        "setup", "dev", "--no-input", "--store", "file", "--instance", url, "--auth", "basic", "--username",
        ProfileWorkspace.user,
        "--password-stdin",
      ], environment: ["SNOWGATE_PASSWORD": "stale-S3CR3T-value"], stdin: ProfileWorkspace.password + "\n")
    XCTAssertEqual(setup.status, 0, setup.stderr)
    XCTAssertTrue(setup.stdout.contains("Note: SNOWGATE_PASSWORD is set"), setup.stdout)
    workspace.assertNoSentinel([setup.stdout, setup.stderr], "setup")
  }
}
