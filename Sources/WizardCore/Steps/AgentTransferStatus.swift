import Vocabulary

/// Where "Prepare for live agent transfer" stands.
public enum AgentTransferStatus: Equatable, Sendable {
  case idle
  case running
  case checked(lines: [CheckLineUpdate], refused: [String], changes: [String], made: [String])
  case failed(Verdict)
}
