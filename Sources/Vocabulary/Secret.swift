/// A password, client secret or token that never shows itself by accident.
///
/// `description`, `debugDescription`, string interpolation and `dump` all print a mask, so a
/// secret that slips into a log line, an error or a screen reveals nothing. The value comes out
/// only through `reveal()`, which is easy to grep for in review.
///
/// The one secret type of every module (the wizard's fields, the client's requests, the profile
/// store), so there is one mask and one way out.
///
/// `Codable` as a plain JSON string because credentials.json stores secrets; nothing else encodes
/// a struct that holds one (logs, bundles and `--json` are written field by field).
public struct Secret: Sendable, Equatable, Hashable, Codable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// What every rendering of a secret shows instead of the value.
  public static let mask = "••••••"

  private let value: String

  /// Wraps a secret value.
  public init(_ value: String) {
    self.value = value
  }

  /// An empty secret (a field not filled in yet).
  public static let empty = Secret("")

  /// Decodes the secret from a plain JSON string.
  public init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the secret as a plain JSON string (only ever into credentials.json).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }

  /// The value itself; call it only where the secret must leave the process (a request, the store).
  public func reveal() -> String {
    value
  }

  /// Whether the secret is the empty string (a field left blank).
  public var isEmpty: Bool {
    value.isEmpty
  }

  /// The number of characters, which a password field shows as bullets.
  public var count: Int {
    value.count
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
