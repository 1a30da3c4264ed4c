import Platform
import Vocabulary

/// What went wrong in the profile store, in words a person can act on.
///
/// No case ever carries a secret or the output of a secret command.
public enum ProfileStoreError: Error, Equatable, Sendable, LocalizedError {
  /// A file exists but cannot be understood; it is left untouched.
  case unreadable(path: String, problem: String)
  /// credentials.json can be read by group or others.
  case credentialsTooOpen(path: String, mode: UInt16)
  /// A profile name breaks the rules.
  case invalidName(String, reason: String)
  /// A profile with this name exists already.
  case nameTaken(String)
  /// No profile has this name.
  case profileNotFound(String)
  /// No half-finished setup has this name.
  case draftNotFound(String)
  /// A profile is not valid for another reason (e.g. an empty secret command).
  case invalidProfile(name: String, reason: String)
  /// The `--store` flag is not one snowgate knows, or its command is empty or badly quoted.
  case invalidStoreFlag(String)
  /// No folder for the configuration could be worked out.
  case noConfigurationFolder
  /// A folder or file another user could have written: owned by someone else, or writable by
  /// group or others. Nothing in it is read or run; `fix` is the command that makes it safe.
  case untrusted(path: String, problem: String, fix: String)
  /// A file system call failed.
  case fileSystem(path: String, action: String, reason: String)
  /// The external command that should print a secret failed.
  case secretCommandFailed(command: String, kind: SecretKind, problem: SecretCommandProblem)
  /// The OS keyring could not keep or give a secret of a `.keyring` profile.
  case keyringFailed(KeyringProblem)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let path, let problem):
      let name = PlainString.lastPathComponent(path)
      return "snowgate cannot read \(path): \(problem) The file was left exactly as it is. "
        + "Fix it by hand, or let snowgate move it aside (it is kept as \(name).broken-TIMESTAMP) "
        + "and save again."
    case .credentialsTooOpen(let path, let mode):
      return "\(path) can be read by other users (its mode is 0\(String(mode, radix: 8))), "
        + "so snowgate will not use it. Make it private with: chmod 600 \(path)"
    case .invalidName(let name, let reason):
      return "\"\(name)\" cannot be a profile name. \(reason)"
    case .nameTaken(let name):
      return "A profile named \"\(name)\" exists already. Choose another name, "
        + "or remove the old one first with: snowgate remove \(name)"
    case .profileNotFound(let name):
      return "There is no profile named \"\(name)\". List the saved ones with: snowgate profiles"
    case .draftNotFound(let name):
      return "There is no half-finished setup named \"\(name)\"."
    case .invalidProfile(let name, let reason):
      return "The profile \"\(name)\" cannot be saved: \(reason)"
    case .keyringFailed(let problem):
      return "The OS keyring could not be used: \(problem.description)"
    case .invalidStoreFlag(let text):
      return "\"\(text)\" is not a place for secrets snowgate knows. Use --store keyring, --store file, "
        + "--store env, --store ask, or --store command:'pass show servicenow/prod' (a command that prints the "
        + "secret; quotes must be closed)."
    case .untrusted(let path, let problem, let fix):
      return "snowgate will not use \(path): \(problem), so someone else could have changed what "
        + "snowgate would read or run from it. Nothing in it was read. If it is yours, fix it with: \(fix)"
    case .noConfigurationFolder:
      return "snowgate cannot tell where to keep its configuration: HOME is not set. "
        + "Set HOME, or choose a folder with SNOWGATE_CONFIG_DIR."
    case .fileSystem(let path, let action, let reason):
      return "snowgate could not \(action) \(path): \(reason). Check that the folder exists, "
        + "belongs to you and has free space, or choose another folder with SNOWGATE_CONFIG_DIR."
    case .secretCommandFailed(let command, let kind, let problem):
      let what = "The command that should print the \(kind.displayName) (\(command))"
      let tail =
        "Run it yourself to see its message, or set \(kind.environmentVariable ?? "the secret") "
        + "in the environment instead."
      switch problem {
      case .notFound:
        return "\(what) was not found. Check that the program is installed and on PATH, "
          + "or give its full path when you save the profile."
      case .couldNotStart(let reason):
        return "\(what) could not be started: \(reason). If it is a script, check that it "
          + "starts with a #! line and is executable."
      case .exited(let status):
        return "\(what) failed (exit status \(status)). \(tail)"
      case .killed(let signal):
        return "\(what) was stopped by signal \(signal). \(tail)"
      case .timedOut(let seconds):
        return "\(what) did not finish within \(Int(seconds)) seconds and was stopped. It may be "
          + "waiting for a passphrase that cannot be asked here. \(tail)"
      case .printedNothing:
        return "\(what) succeeded but printed nothing. \(tail)"
      case .printedTooMuch(let limit):
        return "\(what) printed more than \(limit / 1024) KiB, far more than a secret, and was stopped. "
          + "Check that it prints only the secret. \(tail)"
      }
    }
  }
}
