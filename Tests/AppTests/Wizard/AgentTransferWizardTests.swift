import Foundation
import Simulator
import TestSupport
import Testing
import Vocabulary
import WizardCore

@testable import App

/// "Prepare for live agent transfer" in process: a Basic admin connection is set up and saved,
/// then the done screen's `a` runs the checks of `check --for agent-transfer` against the
/// simulated instance (its group lacks a role, its REST message points at an old webhook), `f`
/// lists the fixes, `n` writes nothing, `w` checks against the bot's webhook, and `y` makes the
/// fixes through the Table API.
@MainActor
@Suite(.serialized) struct AgentTransferWizardTests {
  typealias Bed = OAuthClientCreationWizardTests.Bed
  nonisolated static let webhook = "https://bot.example/h42"

  /// A Basic admin connection set up and saved as `name`, then `a` on the done screen.
  static func toTheChecks(_ bed: Bed, saving name: String) -> [FakeTerminal.Step] {
    [
      .waitFor("Set up a new connection"), .keys([.enter]),
      .waitFor("Instance address"), .type(bed.server.baseURL.absoluteString), .keys([.enter]),
      .waitFor("A ServiceNow instance answers"), .keys([.enter]),
      .waitFor("How should snowgate sign in?"), .keys([.enter]),
      .waitFor("Sign in with Basic auth"), .type("admin"), .keys([.enter]),
      .type(OAuthClientCreationWizardTests.adminPassword), .keys([.enter]),
      .waitFor("Test the connection"), .keys([.enter]),
      .waitFor("The connection works."), .keys([.enter]),
      .waitFor("Save the connection"), .keys([.clearField]), .type(name), .keys([.enter]),
      .waitFor("Keep the secrets in a plain file?"), .keys([.character("y")]),
      .waitFor("Prepare for live agent transfer"), .keys([.character("a")]),
    ]
  }

  @Test func theChecksRunAfterSavingAndTheFixIsMadeOnlyAfterYes() async throws {
    let bed = try Bed(scenarios: [.missingRole, .webhookElsewhere])
    let before = try await bed.rows("sys_group_has_role").count
    func steps(_ name: String) -> [FakeTerminal.Step] {
      Self.toTheChecks(bed, saving: name) + [
        .waitFor("Role agent_workspace_user"), .waitFor("The group lacks agent_workspace_user"),
        .waitFor("snowgate can make"), .keys([.character("f")]),
        .waitFor("Make these"), .keys([.character("n")]),
      ]
    }
    let first = await OAuthClientCreationWizardTests.run(
      steps("adm") + [.keys([.escape]), .waitFor("Connection saved"), .keys([.enter])], bed: bed)
    #expect(first.1 == .success)
    let afterNo = try await bed.rows("sys_group_has_role").count
    #expect(afterNo == before, "n wrote to the instance")

    // The same setup again under another name, and this time the fix is made.
    let fix: [FakeTerminal.Step] =
      Array(steps("adm2").dropLast(3)) + [
        .keys([.character("w")]), .type(Self.webhook), .keys([.enter]),
        .waitFor("set it to \(Self.webhook)"), .waitFor("snowgate can make 3"),
        .keys([.character("f")]), .waitFor("Make these"), .keys([.character("y")]),
        .waitFor("Changed on the instance:"), .waitFor("The group has agent_workspace_user."),
        .waitFor("Points at \(Self.webhook)."),
        .keys([.enter]), .waitFor("Connection saved"), .keys([.enter]),
      ]
    let second = await OAuthClientCreationWizardTests.run(fix, bed: bed)
    #expect(second.1 == .success)
    #expect(try await bed.rows("sys_group_has_role").count == before + 1)
    OAuthClientCreationWizardTests.expectNoSecret(second.0, [], log: bed.log)
  }

  @Test func anotherGroupAndAMemberAreNamedOnTheScreenAndTheMemberIsAddedOnlyAfterYes() async throws {
    let bed = try Bed(scenarios: [.emptyGroup])
    let before = try await bed.rows("sys_user_grmember").count
    let steps: [FakeTerminal.Step] =
      Self.toTheChecks(bed, saving: "adm") + [
        // The guide's group has no members: the remedy names the screen's key, not a flag.
        .waitFor("has no members"), .waitFor("(or press m"), .waitFor("press w to check it"),
        // A group the instance does not have is named as typed.
        .keys([.character("g"), .clearField]), .type("Tier 2 Agents"), .keys([.enter]),
        .waitFor("No group is called “Tier 2 Agents”"), .waitFor("(or press g"),
        .keys([.character("g"), .clearField]), .keys([.enter]),
        .waitFor("“Consumer Service Support” exists"),
        .keys([.character("m")]), .type("abel.tuter"), .keys([.enter]),
        .waitFor("add abel.tuter to the group"), .keys([.character("f")]),
        .waitFor("Make these"), .keys([.character("y")]),
        .waitFor("Changed on the instance:"), .waitFor("1 member(s): abel.tuter"),
        .keys([.enter]), .waitFor("Connection saved"), .keys([.enter]),
      ]
    let run = await OAuthClientCreationWizardTests.run(steps, bed: bed)
    #expect(run.1 == .success)
    #expect(try await bed.rows("sys_user_grmember").count == before + 1)
  }
}
