import Foundation
import Simulator

/// `snowgate demo`: the wizard against a simulated instance started in this process.
///
/// A new user tries everything without an instance or an account. Profiles saved in the demo
/// go to a temporary folder unless SNOWGATE_CONFIG_DIR names one, so a demo never mixes its
/// loopback connection into the user's real profiles.
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
    let variables = ProcessInfo.processInfo.environment
    let folder: URL
    if let named = variables["SNOWGATE_CONFIG_DIR"], !named.isEmpty {
      folder = URL(fileURLWithPath: named)
    } else {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("snowgate-demo-\(getpid())")
    }
    let environment: AppEnvironment
    do {
      environment = try AppEnvironment.current(configDirectory: folder)
    } catch {
      return CommandLineTool.failure(error)
    }
    return await SetupCommand.runWizard(
      environment: environment, prefilledInstance: server.baseURL.absoluteString, profileName: nil)
  }
}
