import Platform

/// What a finished system command left behind: how it ended and the bytes of its two streams.
///
/// Either stream may hold a secret (a keyring lookup prints one), so the description shows only
/// sizes; callers decide what of it, if anything, a person may see.
public struct SystemCommandOutput: Sendable, Equatable, CustomStringConvertible {
  /// The exit status, or nil when a signal ended it.
  public var exitStatus: Int32?
  /// The signal that ended it, if one did.
  public var signal: Int32?
  public var standardOutput: Data
  public var standardError: Data

  public init(exitStatus: Int32?, signal: Int32?, standardOutput: Data, standardError: Data) {
    self.exitStatus = exitStatus
    self.signal = signal
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// Whether it exited with status 0.
  public var succeeded: Bool { exitStatus == 0 }

  /// Standard error as text, for matching known messages (never for showing as it is).
  public var errorText: String { String(decoding: standardError, as: UTF8.self) }

  public var description: String {
    let ending = exitStatus.map { "exit \($0)" } ?? "signal \(signal ?? 0)"
    return
      "SystemCommandOutput(\(ending), \(standardOutput.count) bytes out, \(standardError.count) bytes err)"
  }
}
