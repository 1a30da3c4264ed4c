import Platform
import Profiles

/// Says a profile store error on stderr and picks the exit status for it.
///
/// The profile commands share `check`'s classes: 2 for usage and configuration (a file that
/// cannot be read, a name that does not exist or is taken, a too-open credentials file), and
/// 1 for anything else (the disk refused a write). The sentence is the store's own: it names the
/// file and the fix.
enum StoreFailure {
  /// The exit status for `error`.
  static func exitCode(for error: any Error) -> Int32 {
    guard let error = error as? ProfileStoreError else { return 1 }
    switch error {
    case .fileSystem: return 1
    case .secretCommandFailed, .keyringFailed: return 2
    case .unreadable, .credentialsTooOpen, .invalidName, .nameTaken, .profileNotFound, .draftNotFound,
      .invalidProfile, .invalidStoreFlag, .noConfigurationFolder, .untrusted:
      return 2
    }
  }

  /// Prints `error` as `snowgate: SENTENCE` on stderr and returns its exit status.
  static func report(_ error: any Error) -> Int32 {
    let text = (error as? LocalizedError)?.errorDescription ?? "\(error)"
    // Some store sentences start with "snowgate cannot …"; "snowgate: snowgate …" reads badly.
    CommandLineTool.printError(text.hasPrefix("snowgate ") ? text : "snowgate: \(text)")
    return exitCode(for: error)
  }
}
