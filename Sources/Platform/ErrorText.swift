/// A sentence for an error from the file system or the C library, for people.
///
/// Foundation's `localizedDescription` gave one; FoundationEssentials' `CocoaError` has codes
/// but no sentences. This says what happened in the words `strerror` and Foundation used.
public enum ErrorText {
  public static func describe(_ error: any Error) -> String {
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
