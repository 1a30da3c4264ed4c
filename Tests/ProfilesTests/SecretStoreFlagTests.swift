import Profiles
import Testing

@Suite struct SecretStoreFlagTests {
  @Test func namedStoresParse() throws {
    #expect(try SecretStoreFlag.parse("file") == .file)
    #expect(try SecretStoreFlag.parse("env") == .environment)
    #expect(try SecretStoreFlag.parse("environment") == .environment)
    #expect(try SecretStoreFlag.parse("ask") == .ask)
    #expect(try SecretStoreFlag.parse("keyring") == .keyring)
  }

  @Test func commandsSplitLikeAShellWithoutExpanding() throws {
    #expect(
      try SecretStoreFlag.parse("command:pass show servicenow/prod")
        == .command(["pass", "show", "servicenow/prod"]))
    #expect(
      try SecretStoreFlag.parse(#"command:secret-tool lookup 'my profile' "a \"b\"" $HOME x\ y"#)
        == .command(["secret-tool", "lookup", "my profile", #"a "b""#, "$HOME", "x y"]))
    #expect(try SecretStoreFlag.parse("command:run ''") == .command(["run", ""]))
  }

  @Test(arguments: ["", "keychain", "command:", "command:   ", "command:pass 'unclosed", "command:x\\"])
  func badFlagsAreRefusedWithTheChoices(text: String) {
    do {
      _ = try SecretStoreFlag.parse(text)
      Issue.record("\(text) should be refused")
    } catch {
      #expect(error as? ProfileStoreError == .invalidStoreFlag(text))
      #expect(error.localizedDescription.contains("--store file"))
      #expect(error.localizedDescription.contains("--store keyring"))
    }
  }
}
