import Platform

/// A file path typed in the wizard, as the profile keeps it: absolute.
///
/// No shell reads what the wizard's fields hold, so `~/` is expanded here (with the
/// environment's HOME), and a relative path is taken from the folder the wizard runs in, as
/// `setup --no-input --jwt-key` does: the profile outlives the directory it was set up in.
enum KeyFilePath {
  static func absolute(_ typed: String, environment: [String: String]) -> String {
    var path = typed
    if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty {
      path = home + path.dropFirst()
    }
    if path.isEmpty || path.hasPrefix("/") { return path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent(path).standardizedFileURL.path
  }
}
