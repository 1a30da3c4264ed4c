/// A sentence for an error, for people: what `localizedDescription` gave.
///
/// A `LocalizedError` says its own (snowgate's errors do); FoundationEssentials' `CocoaError`
/// has codes but no sentences, so file-system and C-library errors get `strerror`'s words.
public enum ErrorText {
  public static func describe(_ error: any Error) -> String {
    if let own = (error as? LocalizedError)?.errorDescription { return own }
    if let posix = error as? POSIXError {
      return String(cString: strerror(posix.code.rawValue))
    }
    if let cocoa = error as? CocoaError {
      let file = cocoa.filePath.map { " (\($0))" } ?? ""
      if let underlying = cocoa.underlying as? POSIXError {
        return String(cString: strerror(underlying.code.rawValue)) + file
      }
      switch cocoa.code {
      case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory" + file
      case .fileReadNoPermission, .fileWriteNoPermission: return "Permission denied" + file
      case .fileWriteOutOfSpace: return "No space left on device" + file
      case .fileWriteFileExists: return "File exists" + file
      case .fileWriteVolumeReadOnly: return "Read-only file system" + file
      case .fileReadCorruptFile: return "The file could not be read: it is not in the expected format" + file
      default: return "The file operation failed (code \(cocoa.code.rawValue))" + file
      }
    }
    return String(describing: error)
  }
}
