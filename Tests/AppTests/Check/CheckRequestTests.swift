import Testing

@testable import App

@Suite struct CheckRequestTests {
  @Test func readsAProfileAndTheOutputOptions() throws {
    let request = try CheckRequest.parse(["prod", "--json", "--verbose", "--timeout", "2.5", "--refresh"])
    #expect(request.profile == "prod")
    #expect(request.json && request.verbose && request.refresh)
    #expect(request.timeout == 2.5)
    #expect(request.instance == nil)
  }

  @Test func defaultsToTenSecondsAndBasicAuth() throws {
    let request = try CheckRequest.parse([])
    #expect(request.timeout == 10)
    #expect(request.auth == .basic)
    #expect(request.profile == nil && !request.all)
  }

  @Test func readsAnInstanceWithOAuth() throws {
    let request = try CheckRequest.parse([
      "--instance", "dev1", "--auth", "client-credentials", "--client-id", "abc",
    ])
    #expect(request.instance == "dev1")
    #expect(request.auth == .oauthClientCredentials)
    #expect(request.clientID == "abc")
  }

  @Test(arguments: [
    ["a", "b"], ["prod", "--all"], ["--timeout", "0"], ["--timeout", "-3"], ["--timeout", "nan"],
    ["--auth", "ntlm", "--instance", "x"], ["--client-id", "abc"], ["--instance", "x", "prod"],
    ["--instance", "x", "--auth", "password", "--client-id", "c"],
    ["--instance", "x", "--auth", "password", "--username", "u"],
    ["--all", "--bundle", "f"], ["--bundle", ""],
  ])
  func refusesArgumentsThatMakeNoSense(_ arguments: [String]) {
    #expect(throws: UsageError.self) { try CheckRequest.parse(arguments) }
  }

  @Test func refusesASecretWithoutRepeatingIt() {
    do {
      _ = try CheckRequest.parse(["--instance", "x", "--client-secret", "SENTINEL-cs"])
      Issue.record("a client secret on the command line was accepted")
    } catch {
      #expect(!error.text.contains("SENTINEL"))
    }
  }

  @Test func helpNeedsNothingElse() throws {
    #expect(try CheckRequest.parse(["--help"]).help)
  }
}
