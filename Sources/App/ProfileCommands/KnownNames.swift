import Profiles

/// The sentence for a profile name that does not exist, listing the names that do.
///
/// A typo is the usual cause, so the saved names are the most useful thing to show; a
/// half-finished setup of that name gets its own way forward.
enum KnownNames {
  static func unknownProfile(_ name: String, in config: Config) -> UsageError {
    if config.draft(named: name) != nil {
      return UsageError(
        "\"\(name)\" is a half-finished setup, not a saved profile yet.",
        hint: "Finish it with: snowgate setup \(name)")
    }
    let names = config.profiles.map(\.name)
    if names.isEmpty {
      return UsageError(
        "there is no profile named \"\(name)\"; no profiles are saved yet.",
        hint: "Set one up with: snowgate setup")
    }
    return UsageError(
      "there is no profile named \"\(name)\".", hint: "Saved profiles: " + names.joined(separator: ", "))
  }
}
