/// Why a support bundle could not be written, as a sentence for the person who asked for it.
public struct SupportBundleError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String {
    "Cannot write the support bundle to \(path): \(reason). Choose another file with --bundle FILE."
  }
}
