import Testing

@testable import App

@Suite struct ParsedArgumentsTests {
  @Test func splitsPositionalsOptionsAndFlags() throws {
    let parsed = try ParsedArguments.parse(
      ["prod", "--json", "--timeout", "5", "--bundle=out.txt"], flags: ["--json"],
      options: ["--timeout", "--bundle"])
    #expect(parsed.positionals == ["prod"])
    #expect(parsed.flags == ["--json"])
    #expect(parsed.options == ["--timeout": "5", "--bundle": "out.txt"])
  }

  @Test func refusesSecretsOnTheCommandLineWithoutEchoingThem() {
    do {
      _ = try ParsedArguments.parse(["--password", "S3CR3T-pw"], flags: [], options: ["--password"])
      Issue.record("a password option was accepted")
    } catch {
      #expect(error.message.contains("--password"))
      #expect(!error.text.contains("S3CR3T"))
      #expect(error.hint?.contains("SNOWGATE_PASSWORD") == true)
    }
  }

  @Test func unknownOptionNamesWhatTheCommandTakes() {
    #expect(throws: UsageError.self) {
      try ParsedArguments.parse(["--jsn"], flags: ["--json"], options: [])
    }
    do {
      _ = try ParsedArguments.parse(["--jsn"], flags: ["--json"], options: [])
    } catch {
      #expect(error.message == "unknown option --jsn. Did you mean --json?")
      #expect(error.hint == "This command takes: --json.")
    }
  }

  @Test func missingValueIsAnError() {
    #expect(throws: UsageError("--timeout needs a value.")) {
      try ParsedArguments.parse(["--timeout"], flags: [], options: ["--timeout"])
    }
  }

  @Test func doubleDashEndsOptions() throws {
    let parsed = try ParsedArguments.parse(["--", "--json"], flags: ["--json"], options: [])
    #expect(parsed.positionals == ["--json"])
    #expect(parsed.flags.isEmpty)
  }
}
