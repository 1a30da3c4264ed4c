/// Why the person is picking a saved profile.
public enum ProfilePurpose: Equatable, Sendable {
  case edit
  case diagnose
}
