import Testing
import Vocabulary
import WizardCore

@testable import App

/// `snowgate setup NAME --instance … --auth … --username … --client-id … --timeout …`.
@Suite struct SetupPrefillTests {
  static func prefill(_ arguments: [String]) throws(UsageError) -> (SetupPrefill, Duration?) {
    let parsed = try ParsedArguments.parse(arguments, flags: [], options: SetupCommand.options)
    return try SetupCommand.prefill(parsed)
  }

  @Test func theOptionsFillTheWizardsFields() throws {
    let (prefill, deadline) = try Self.prefill([
      "prod", "--instance", "dev12345", "--auth", "password", "--username", "integration.user", "--client-id",
      "snowgate-demo", "--timeout", "2.5",
    ])
    #expect(
      prefill
        == SetupPrefill(
          instance: "dev12345", authKind: .oauthPassword, username: "integration.user",
          clientID: "snowgate-demo"))
    #expect(deadline == .milliseconds(2500))
    let (none, noDeadline) = try Self.prefill(["prod"])
    #expect(none.isEmpty && noDeadline == nil)
  }

  @Test func anUnknownAuthOrTimeoutIsRefusedWithTheChoices() {
    #expect(throws: UsageError.self) { try Self.prefill(["--auth", "kerberos"]) }
    #expect(throws: UsageError.self) { try Self.prefill(["--timeout", "-1"]) }
    do {
      _ = try Self.prefill(["--auth", "kerberos"])
    } catch {
      #expect(
        error.message.contains("basic, password, refresh-token, client-credentials, authorization-code"))
    }
  }

  @Test func everyAuthWordNamesAWizardKind() {
    for word in AuthKind.words {
      #expect((try? Self.prefill(["--auth", word]))?.0.authKind != nil, "\(word)")
    }
  }
}
