import Foundation

/// A secret kept by the profile store: a password, client secret or token.
///
/// Its `description`, `debugDescription` and mirror are masked so that a secret that slips into
/// string interpolation, `print`, `dump` or an error message shows as `********` instead of
/// its value. Only `exposedValue` gives the real text, so every use of a secret is easy to find.
public struct StoredSecret: Hashable, Sendable, Codable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// The real secret. Read it only to hand it to the code that sends it.
  public let exposedValue: String

  /// Wraps a secret value.
  public init(_ exposedValue: String) {
    self.exposedValue = exposedValue
  }

  /// Decodes the secret from a plain JSON string.
  public init(from decoder: any Decoder) throws {
    exposedValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the secret as a plain JSON string (only ever into credentials.json).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(exposedValue)
  }

  /// The mask, never the value; its length does not depend on the secret.
  public var description: String { "********" }

  /// The mask, never the value.
  public var debugDescription: String { "StoredSecret(********)" }

  /// A mirror without children, so `dump` shows no value.
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
