import Platform

/// The demo's private folder could not be made (a full or read-only temporary folder).
struct DemoFolderError: LocalizedError {
  var reason: String
  var base: String

  var errorDescription: String? {
    "cannot make a private folder for the demo in \(base): \(reason). "
      + "Free some space there, or point TMPDIR at another folder."
  }
}
