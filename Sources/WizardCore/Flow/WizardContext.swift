/// Where this wizard saves and what its shell already says, told by the runtime at the start.
///
/// The screens name the real files (SNOWGATE_CONFIG_DIR and XDG_CONFIG_HOME move them), warn
/// when a SNOWGATE_* variable will win over a secret about to be saved, and tell the truth in
/// the demo, whose connection lives only as long as its practice instance.
public struct WizardContext: Equatable, Sendable {
  /// The configuration file as a person would type it (`~` for the home folder).
  public var configPath: String
  /// The credentials file, likewise.
  public var credentialsPath: String
  /// The secret variables set (and not empty) in the environment, e.g. `SNOWGATE_PASSWORD`.
  public var secretVariablesSet: Set<String>
  /// Set for `snowgate demo`: the instance is a simulator inside this process.
  public var practice: PracticeRun?

  public init(
    configPath: String = "~/.config/snowgate/config.json",
    credentialsPath: String = "~/.config/snowgate/credentials.json", secretVariablesSet: Set<String> = [],
    practice: PracticeRun? = nil
  ) {
    self.configPath = configPath
    self.credentialsPath = credentialsPath
    self.secretVariablesSet = secretVariablesSet
    self.practice = practice
  }
}
