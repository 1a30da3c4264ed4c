import Platform

/// Why the simulator could not start, worded for the person running it.
public enum SimulatorServerError: Error, Equatable, LocalizedError {
  case cannotListen(port: UInt16, reason: String)

  public var errorDescription: String? {
    switch self {
    case .cannotListen(let port, let reason):
      return
        "The simulator could not listen on 127.0.0.1:\(port) (\(reason.lowercased())). Another program may use that port: pick another with --port, or --port 0 for any free one."
    }
  }
}
