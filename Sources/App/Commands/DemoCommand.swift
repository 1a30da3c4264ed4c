import Platform
import Simulator

/// `snowgate demo`: the wizard against a simulated instance started in this process.
///
/// A new user tries everything without an instance or an account. Profiles saved in the demo
/// go to a private folder made with mkdtemp (mode 0700, a name nobody can guess or plant
/// beforehand) and removed at the end, so a demo never mixes its loopback connection into the
/// user's real profiles; `--keep` saves them in the real configuration instead.
@MainActor
enum DemoCommand {
  /// The help text, from the command table.
  static var help: String { CommandStart.help("demo") }

  static func run(_ arguments: [String]) async -> Int32 {
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "demo") {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    let configuration: SimulatorConfiguration
    do {
      configuration =
        try parsed.options["--scenario"].map { try SimulatorConfiguration.load(scenario: $0) } ?? .demo
    } catch {
      return CommandLineTool.failure(error)
    }
    let server = SimulatorServer(configuration: configuration)
    do {
      _ = try server.start(port: 0)
    } catch {
      return CommandLineTool.failure(error)
    }
    defer { server.stop() }
    var privateFolder: URL?
    let environment: AppEnvironment
    do {
      if parsed.flags.contains("--keep") {
        environment = try AppEnvironment.current()
      } else {
        let folder = try makePrivateFolder()
        privateFolder = folder
        environment = try AppEnvironment.current(configDirectory: folder)
      }
    } catch {
      return CommandLineTool.failure(error)
    }
    defer { privateFolder.map { try? FileManager.default.removeItem(at: $0) } }
    return await SetupCommand.runWizard(
      environment: environment, prefilledInstance: server.baseURL.absoluteString, profileName: nil,
      practice: true)
  }

  /// A new folder only this user can enter, under the temporary folder, with a random name
  /// chosen by mkdtemp (which fails rather than use a folder that exists).
  static func makePrivateFolder() throws -> URL {
    let base = FileManager.default.temporaryDirectory.path
    var template = Array((base + "/snowgate-demo-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
    guard made else {
      throw DemoFolderError(reason: String(cString: strerror(errno)), base: base)
    }
    let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return URL(fileURLWithPath: path, isDirectory: true)
  }
}
