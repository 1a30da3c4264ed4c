import Testing

@testable import App

/// The setup-check options of `snowgate check` (issue 14): what goes with what.
@Suite struct SetupCheckRequestTests {
  @Test func readsAnAgentTransferFix() throws {
    let request = try CheckRequest.parse([
      "prod", "--for", "agent-transfer", "--webhook", "https://bots.example.test/hook", "--group", "Chat",
      "--member", "beth", "--fix", "--yes", "--admin", "root",
    ])
    #expect(request.purpose == "agent-transfer")
    #expect(request.webhook == "https://bots.example.test/hook")
    #expect(request.group == "Chat" && request.member == "beth" && request.admin == "root")
    #expect(request.fix && request.yes && !request.instanceSetup)
  }

  @Test func readsInstanceSetup() throws {
    let request = try CheckRequest.parse(["prod", "--instance-setup", "--admin", "root", "--json"])
    #expect(request.instanceSetup && request.json && request.admin == "root")
  }

  @Test(arguments: [
    (["--for", "other"], "agent-transfer only"),
    (["--instance-setup", "--for", "agent-transfer"], "one at a time"),
    (["--all", "--instance-setup"], "one saved profile"),
    (["--admin", "root"], "goes with --instance-setup"),
    (["--fix"], "goes with --for agent-transfer"),
    (["--instance-setup", "--webhook", "https://x.test/"], "goes with --for agent-transfer"),
    (["--for", "agent-transfer", "--yes"], "give --fix too"),
    (["--for", "agent-transfer", "--webhook", "ftp://x/"], "webhook URL"),
    (["--for", "agent-transfer", "--webhook", "not a url"], "webhook URL"),
  ])
  func refusesWhatDoesNotGoTogether(arguments: [String], says: String) {
    #expect {
      _ = try CheckRequest.parse(arguments)
    } throws: { error in
      ((error as? UsageError)?.text ?? "").contains(says)
    }
  }

  @Test func queryValuesCannotChangeTheQuery() {
    #expect(SetupReader.queryValue("Consumer Service Support") == "Consumer Service Support")
    #expect(SetupReader.queryValue("a^ORname=b") == nil)
    #expect(SetupReader.queryValue("x,y") == nil)
    #expect(SetupReader.queryValue("") == nil)
  }
}
