/// One form field of a logged request, its value already masked when it is secret.
public struct LoggedField: Sendable, Equatable {
  public var name: String
  public var value: String
  public var isMasked: Bool

  public init(name: String, value: String, isMasked: Bool) {
    self.name = name
    self.value = value
    self.isMasked = isMasked
  }
}
