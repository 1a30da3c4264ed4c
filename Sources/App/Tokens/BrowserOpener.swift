import Platform
import Profiles
import SystemCommands

/// Opens a URL in the user's browser when this machine has one: `$BROWSER`, else `xdg-open`.
///
/// Started without a shell (the URL is one argument, never parsed by `sh`) and with its input
/// and output on /dev/null, so a browser's messages cannot scribble over the full-screen wizard,
/// and with the SNOWGATE_* secret variables removed from its environment (`ChildEnvironment`).
/// `xdg-open` is used only with a graphical session (`DISPLAY` or `WAYLAND_DISPLAY`): over SSH
/// it would start a text browser in the wizard's own terminal.
struct BrowserOpener: Sendable {
  /// What happened when asked to open a URL.
  enum Outcome: Sendable, Equatable {
    /// The command was started (its name, for the screen: "opened with firefox").
    case launched(command: String)
    /// No browser command is available; the URL must be opened by hand.
    case noBrowser
    /// A browser command exists but could not be started (the sentence says why).
    case failed(command: String, reason: String)
  }

  var environment: [String: String]

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  /// The argv that would open `url`, or nil when there is no browser command.
  ///
  /// `$BROWSER` may list several commands separated by `:` (the first one found is used) and
  /// may place the URL with `%s`; otherwise the URL is appended.
  func command(for url: URL) -> [String]? {
    if let browser = environment["BROWSER"], !PlainString.trimmed(browser).isEmpty {
      for entry in browser.split(separator: ":") {
        var words = entry.split(separator: " ").map(String.init)
        guard let program = words.first, let path = resolve(program) else { continue }
        words[0] = path
        if words.contains(where: { $0.contains("%s") }) {
          return words.map { $0.replacing("%s", with: url.absoluteString) }
        }
        return words + [url.absoluteString]
      }
    }
    let graphical = [environment["DISPLAY"], environment["WAYLAND_DISPLAY"]].contains {
      !($0 ?? "").isEmpty
    }
    if graphical, let path = resolve("xdg-open") {
      return [path, url.absoluteString]
    }
    return nil
  }

  /// Starts the browser on `url` and returns at once; the browser runs on by itself.
  func open(_ url: URL) -> Outcome {
    guard let argv = command(for: url) else { return .noBrowser }
    let name = PlainString.lastPathComponent(argv[0])
    // posix_spawn, as every other child: no secret variable, a clean signal mask, its own
    // process group, streams on /dev/null (Foundation's Process lost a race with ETXTBSY).
    do {
      try SystemCommand(argv, environment: ChildEnvironment.withoutSecrets(environment)).launch()
    } catch {
      return .failed(command: name, reason: "it could not be started (\(error.description))")
    }
    return .launched(command: name)
  }

  /// The executable path of `program`: as given when it has a slash, else looked up on PATH.
  func resolve(_ program: String) -> String? {
    let manager = FileManager.default
    if program.contains("/") {
      return manager.isExecutableFile(atPath: program) ? program : nil
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(program)"
      if manager.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
