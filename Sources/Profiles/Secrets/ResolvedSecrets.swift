import Platform
import Vocabulary

/// The secrets a profile can use right now, after the environment had its say.
///
/// Environment variables win over stored values; `shadowed` lists the kinds where a stored
/// value exists but an environment variable is used instead, so `check` and `setup` can warn
/// that what they test is not what is saved.
public struct ResolvedSecrets: Equatable, Sendable {
  /// The values, in the one shape a profile's secrets have.
  public var values: StoredCredentials
  /// Where each secret that has a value came from (and `.mustAsk` for those to ask for).
  public var sources: [SecretKind: SecretSource]
  /// Kinds whose stored value is hidden by an environment variable, in `SecretKind` order.
  public var shadowed: [SecretKind]

  public init(
    _ values: StoredCredentials = StoredCredentials(), sources: [SecretKind: SecretSource] = [:],
    shadowed: [SecretKind] = []
  ) {
    self.values = values
    self.sources = sources
    self.shadowed = shadowed
  }

  /// The secret of one kind, if there is one.
  public subscript(kind: SecretKind) -> Secret? { values[kind] }

  /// Kinds the caller must ask the user for (the `ask` store), in `SecretKind` order.
  public var mustAsk: [SecretKind] {
    sources.filter { $0.value == .mustAsk }.map(\.key).sorted()
  }

  /// One sentence per shadowed secret, e.g. "SNOWGATE_PASSWORD is set, so it is used instead
  /// of the password saved in the credentials file."
  public func shadowingNotes(store: SecretStore) -> [String] {
    shadowed.map { kind in
      let variable = kind.environmentVariable ?? kind.displayName
      let replaced =
        switch store {
        case .command: "the \(kind.displayName) the profile's command would print"
        case .keyring: "the \(kind.displayName) saved in the OS keyring"
        default: "the \(kind.displayName) saved in the credentials file"
        }
      return "\(variable) is set, so it is used instead of \(replaced)."
    }
  }
}

extension ResolvedSecrets {
  /// Records a user secret and where it came from.
  mutating func set(_ kind: SecretKind, _ value: Secret, from source: SecretSource) {
    values[kind] = value
    sources[kind] = source
  }
}
