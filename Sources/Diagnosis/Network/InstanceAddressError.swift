/// Why an instance address was rejected, as a sentence that never repeats a password typed in it.
public struct InstanceAddressError: Error, Sendable, Equatable {
  public var reason: String

  public init(reason: String) { self.reason = reason }
}
