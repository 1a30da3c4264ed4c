import Vocabulary

/// The answer to `.checkAgentTransfer`: the lines of `check --for agent-transfer`, or why the
/// instance could not be read at all.
public enum AgentTransferOutcome: Equatable, Sendable {
  /// `refused`: the reads the instance refused, a sentence each; `changes`: what a fix would
  /// change (the Table API can), a sentence each; `made`: the changes made before the check.
  case checked(lines: [CheckLineUpdate], refused: [String], changes: [String], made: [String])
  case failed(Verdict)
}
