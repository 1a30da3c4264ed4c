/// One address and how connecting to it ended.
public struct AddressAttempt: Sendable, Equatable {
  public var address: ResolvedAddress
  public var attempt: ConnectAttempt

  public init(address: ResolvedAddress, attempt: ConnectAttempt) {
    self.address = address
    self.attempt = attempt
  }
}
