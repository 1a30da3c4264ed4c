import Platform

/// Why a scenario name or file could not be used, worded for the person who typed it.
public enum SimulatorConfigurationError: Error, Equatable, LocalizedError {
  case unknownScenario(String)
  case unreadableFile(path: String, reason: String)
  case invalidFile(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .unknownScenario(let name):
      let known = Scenario.allCases.map(\.rawValue).joined(separator: ", ")
      return
        "There is no scenario called '\(name)' and no file by that name. Use one of: \(known), or the path of a JSON scenario file."
    case .unreadableFile(let path, let reason):
      return "The scenario file \(path) could not be read (\(reason)). Check the path and its permissions."
    case .invalidFile(let path, let reason):
      return
        "The scenario file \(path) is not a valid simulator configuration: \(reason). It must be a JSON object with optional keys users, oauthClients, scenarios, slowDelay, dripInterval, autoApprove."
    }
  }
}
