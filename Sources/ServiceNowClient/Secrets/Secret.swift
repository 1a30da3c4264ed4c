/// A password, client secret or token that never shows itself by accident.
///
/// `description`, `debugDescription`, string interpolation and `dump` all print a mask, so a
/// secret that slips into a log line, an error or a screen reveals nothing. The value comes out
/// only through `reveal()` (or `exposed`), which is easy to grep for in review.
///
/// Deliberately not `Codable`: encoding a struct that holds a secret must not silently write the
/// value to JSON (a log, a bundle). The profile store writes `reveal()` explicitly where it means to.
public struct Secret: Sendable, Equatable, Hashable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// What every rendering of a secret shows instead of the value.
  public static let mask = "••••••"

  private let value: String

  /// Wraps a secret value.
  public init(_ value: String) {
    self.value = value
  }

  /// The value itself; call it only where the secret must leave the process (a request, the store).
  public func reveal() -> String {
    value
  }

  /// The value itself, as a property; same rules as `reveal()`.
  public var exposed: String {
    value
  }

  /// Whether the secret is the empty string (a field left blank).
  public var isEmpty: Bool {
    value.isEmpty
  }

  public var description: String {
    Self.mask
  }

  public var debugDescription: String {
    "Secret(\(Self.mask))"
  }

  public var customMirror: Mirror {
    Mirror(self, children: ["value": Self.mask])
  }
}
