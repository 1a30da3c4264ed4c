/// A proxy variable whose value is not a proxy address; only the variable's name is kept,
/// never its value (it may hold credentials).
public struct ProxySettingError: Error, Sendable, Equatable {
  public var variable: String

  public init(variable: String) { self.variable = variable }
}
