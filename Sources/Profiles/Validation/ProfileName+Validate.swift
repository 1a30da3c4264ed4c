import Vocabulary

extension ProfileName {
  /// Throws `ProfileStoreError.invalidName` when `name` breaks a rule.
  public static func validate(_ name: String) throws {
    if let problem = problem(with: name) {
      throw ProfileStoreError.invalidName(name, reason: problem)
    }
  }
}
