import Vocabulary

/// The environment a program snowgate starts receives: the user's, minus snowgate's secrets.
///
/// SNOWGATE_PASSWORD and friends are how a person hands a secret to snowgate, not to every
/// program snowgate starts: a browser (and every extension and helper it spawns) or any other
/// command would otherwise inherit them and could log or leak them. Only the variable names are
/// removed; everything else (PATH, HOME, DISPLAY, the proxy settings) is passed on.
public enum ChildEnvironment {
  /// Every variable that carries a secret: the overrides of the stored secrets, and the names
  /// the support bundle's curl commands use for the other secrets.
  public static let secretVariables: Set<String> = Set(SecretKind.allCases.compactMap(\.environmentVariable))
    .union([
      "SNOWGATE_ACCESS_TOKEN", "SNOWGATE_TOKEN", "SNOWGATE_AUTH_CODE", "SNOWGATE_CODE_VERIFIER",
      "SNOWGATE_ID_TOKEN",
    ])

  /// `environment` without the secret variables.
  public static func withoutSecrets(_ environment: [String: String]) -> [String: String] {
    environment.filter { !secretVariables.contains($0.key) }
  }
}
