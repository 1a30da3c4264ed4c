import Foundation
import Profiles
import Testing

@testable import App

@Suite struct ScriptedSetupOptionsTests {
  func parse(_ extra: [String]) throws(UsageError) -> ScriptedSetupOptions {
    try ScriptedSetupOptions.parse(["prod", "--no-input"] + extra)
  }

  func refusal(_ extra: [String]) -> String {
    do {
      _ = try parse(extra)
      return ""
    } catch {
      return error.text
    }
  }

  @Test func aBasicSetupNormalisesTheInstanceAndDefaultsToTheFile() throws {
    let options = try parse(["--instance", "dev12345", "--auth", "basic", "--username", "admin"])
    #expect(options.instanceURL.absoluteString == "https://dev12345.service-now.com")
    #expect(options.authType == .basic)
    #expect(options.secretStore == .file)
    #expect(options.profile.username == "admin")
    #expect(!options.saveAnyway && !options.passwordFromStdin)
  }

  @Test func timeoutIsAnOptionSoTheTimeoutAdviceWorks() throws {
    let base = ["--instance", "dev12345", "--auth", "basic", "--username", "admin"]
    #expect(try parse(base).timeout == nil)
    #expect(try parse(base + ["--timeout", "30"]).timeout == 30)
    #expect(refusal(base + ["--timeout", "soon"]).contains("--timeout needs a number of seconds"))
    #expect(refusal(base + ["--timeout", "0"]).contains("between 0 and 600"))
  }

  @Test func oauthKeepsClientScopeStoreAndAPIVersion() throws {
    let options = try parse([
      "--instance", "https://acme.service-now.com/api/now/v1/table/x", "--auth", "client-credentials",
      "--client-id", "cid", "--scope", "useraccount", "--store", "command:pass show 'sn/prod'",
      "--api-version", "v2", "--save-anyway",
    ])
    #expect(options.authType == .oauthClientCredentials)
    #expect(options.clientID == "cid")
    #expect(options.scope == "useraccount")
    #expect(options.secretStore == .command(["pass", "show", "sn/prod"]))
    #expect(options.apiVersion == "v2")
    #expect(options.saveAnyway)
  }

  @Test func aRelativeCABundleIsSavedAsAnAbsolutePath() throws {
    let options = try parse([
      "--instance", "dev1", "--auth", "basic", "--username", "u", "--ca-bundle", "certs/corp.pem",
    ])
    let expected = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent("certs/corp.pem").standardizedFileURL.path
    #expect(options.caBundle == expected)
    let absolute = try parse([
      "--instance", "dev1", "--auth", "basic", "--username", "u", "--ca-bundle", "/etc/ca.pem",
    ])
    #expect(absolute.caBundle == "/etc/ca.pem")
  }

  @Test func whatNeedsAPersonIsRefusedWithTheWayOut() {
    #expect(
      refusal(["--instance", "x", "--auth", "authorization-code", "--client-id", "c"]).contains("browser"))
    #expect(
      refusal(["--instance", "x", "--auth", "basic", "--username", "u", "--store", "ask"]).contains(
        "--store ask"))
  }

  @Test func missingOrMisplacedOptionsAreNamed() {
    #expect(refusal(["--auth", "basic", "--username", "u"]).contains("--instance"))
    #expect(refusal(["--instance", "x", "--username", "u"]).contains("--auth"))
    #expect(refusal(["--instance", "x", "--auth", "magic"]).contains("basic, password, refresh-token"))
    #expect(refusal(["--instance", "x", "--auth", "basic"]).contains("--username"))
    #expect(refusal(["--instance", "x", "--auth", "password", "--username", "u"]).contains("--client-id"))
    #expect(
      refusal(["--instance", "x", "--auth", "client-credentials", "--client-id", "c", "--username", "u"])
        .contains("--username"))
    #expect(
      refusal(["--instance", "x", "--auth", "basic", "--username", "u", "--client-id", "c"]).contains("OAuth")
    )
    #expect(
      refusal(["--instance", "x", "--auth", "refresh-token", "--client-id", "c", "--password-stdin"])
        .contains("--password-stdin"))
    #expect(
      refusal(["--instance", "x", "--auth", "basic", "--username", "u", "--api-version", "2"]).contains("v2"))
    #expect(
      refusal(["--instance", "x", "--auth", "basic", "--username", "u", "--store", "vault"]).contains(
        "--store"))
    #expect(
      refusal(["--instance", "http://example.com", "--auth", "basic", "--username", "u"]).contains(
        "https://example.com"))
  }

  @Test func theProfileNameIsCheckedAndRequired() {
    #expect(throws: UsageError.self) { try ScriptedSetupOptions.parse(["--no-input"]) }
    do {
      _ = try ScriptedSetupOptions.parse(["bad name", "--no-input", "--instance", "x", "--auth", "basic"])
      Issue.record("a bad name was accepted")
    } catch {
      #expect(error.text.contains("letters"))
    }
  }

  @Test func aSecretInArgvIsRefusedWithoutEchoingIt() {
    let text = refusal(["--instance", "x", "--auth", "basic", "--username", "u", "--client-secret=S3CR3T-cs"])
    #expect(text.contains("--client-secret"))
    #expect(!text.contains("S3CR3T"))
  }
}
