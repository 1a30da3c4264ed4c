/// The rules for profile names, which end up in commands (`snowgate token NAME`) and file keys.
///
/// One rule set for the wizard's save screen and for `setup`, `profiles` and the store: ASCII
/// letters, digits, `-`, `_` and `.`, at most 64 characters, starting with a letter or digit
/// (so never `.`, `..` or an option-like `-x`).
public enum ProfileName {
  /// The longest name accepted.
  public static let maximumLength = 64

  /// Which rule a name breaks.
  public enum Problem: Equatable, Sendable {
    case empty
    case tooLong(characters: Int)
    case invalidCharacter
    case badStart
  }

  /// The rule `name` breaks, or nil when it is fine.
  public static func check(_ name: String) -> Problem? {
    if name.isEmpty { return .empty }
    if name.count > maximumLength { return .tooLong(characters: name.count) }
    let allowed = name.unicodeScalars.allSatisfy { scalar in
      isAlphanumeric(scalar) || scalar == "-" || scalar == "_" || scalar == "."
    }
    if !allowed { return .invalidCharacter }
    if let first = name.unicodeScalars.first, !isAlphanumeric(first) { return .badStart }
    return nil
  }

  /// Why `name` is not acceptable, as a sentence, or nil when it is fine.
  public static func problem(with name: String) -> String? {
    switch check(name) {
    case nil: return nil
    case .empty: return "A profile name cannot be empty."
    case .tooLong(let characters):
      return "A profile name can have at most \(maximumLength) characters; this one has \(characters)."
    case .invalidCharacter:
      return "A profile name can use only letters a-z and A-Z, digits, '-', '_' and '.'."
    case .badStart:
      return "A profile name starts with a letter or digit; \"\(name)\" does not."
    }
  }

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
