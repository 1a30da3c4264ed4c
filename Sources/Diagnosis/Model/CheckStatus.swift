/// How a check ended; only `fail` stops the layers above it and changes the verdict.
public enum CheckStatus: String, Codable, Sendable, Hashable {
  case pass
  case warn
  case fail
  case skip

  /// The mark on a person's report: ✓ ! ✗ –.
  public var symbol: String {
    switch self {
    case .pass: return "✓"
    case .warn: return "!"
    case .fail: return "✗"
    case .skip: return "–"
    }
  }
}
