/// The rules for profile names, which end up in commands (`snowgate token NAME`) and file keys.
public enum ProfileName {
  /// The longest name accepted.
  public static let maximumLength = 64

  /// Why `name` is not acceptable, as a sentence, or nil when it is fine.
  public static func problem(with name: String) -> String? {
    if name.isEmpty { return "A profile name cannot be empty." }
    if name.count > maximumLength {
      return "A profile name can have at most \(maximumLength) characters; this one has \(name.count)."
    }
    let allowed = name.unicodeScalars.allSatisfy { scalar in
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
      default: false
      }
    }
    if !allowed {
      return "A profile name can use only letters a-z and A-Z, digits, '-', '_' and '.'."
    }
    if name == "." || name == ".." { return "A profile name cannot be \"\(name)\"." }
    return nil
  }

  /// Throws `ProfileStoreError.invalidName` when `name` breaks a rule.
  public static func validate(_ name: String) throws {
    if let problem = problem(with: name) {
      throw ProfileStoreError.invalidName(name, reason: problem)
    }
  }
}
