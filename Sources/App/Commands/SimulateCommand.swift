import Dispatch
import Platform
import Simulator

/// `snowgate simulate`: runs the simulated ServiceNow instance until SIGINT or SIGTERM.
///
/// The first stdout line is exactly `listening on http://127.0.0.1:PORT`, flushed at once, so
/// scripts started with `--port 0` can read the port before anything else.
enum SimulateCommand {
  /// The help text, from the command table.
  static var usage: String { CommandStart.help("simulate") }

  static func run(_ args: [String]) async -> Int32 {
    var port: UInt16 = 0
    var scenario: String?
    var autoApprove = false
    var requestLog: String?
    var index = 0
    func fail(_ sentence: String) -> Int32 {
      StandardStream.error.write("snowgate simulate: \(sentence)\n")
      return 2
    }
    while index < args.count {
      let arg = args[index]
      switch arg {
      case "--help", "-h":
        print(usage)
        return 0
      case "--port":
        guard index + 1 < args.count, let value = UInt16(args[index + 1]) else {
          return fail("--port needs a port number from 0 to 65535 (0 picks a free port).")
        }
        port = value
        index += 1
      case "--scenario":
        guard index + 1 < args.count else {
          return fail("--scenario needs a scenario name or the path of a JSON scenario file.")
        }
        scenario = args[index + 1]
        index += 1
      case "--auto-approve":
        autoApprove = true
      case "--request-log":
        guard index + 1 < args.count else {
          return fail("--request-log needs the path of a file to append the request lines to.")
        }
        requestLog = args[index + 1]
        index += 1
      default:
        return fail("unknown option '\(arg)'. Run 'snowgate simulate --help' for the options.")
      }
      index += 1
    }

    var configuration = SimulatorConfiguration.demo
    if let scenario {
      do {
        configuration = try SimulatorConfiguration.load(scenario: scenario)
      } catch {
        return fail(ErrorText.describe(error))
      }
    }
    if autoApprove { configuration.autoApprove = true }

    var log: RequestLogFile?
    if let requestLog {
      guard let file = RequestLogFile(path: requestLog) else {
        return fail("the request log \(requestLog) could not be opened for appending.")
      }
      log = file
    }
    var logLine: (@Sendable (String) -> Void)?
    if let log { logLine = { log.append($0) } }
    let server = SimulatorServer(configuration: configuration, requestLog: logLine)
    let bound: UInt16
    do {
      bound = try server.start(port: port)
    } catch {
      StandardStream.error.write("snowgate simulate: \(ErrorText.describe(error))\n")
      return 1
    }
    var lines = ["listening on http://127.0.0.1:\(bound)"]
    for user in configuration.users.prefix(1) {
      lines.append("user: \(user.userName)  password: \(user.password)")
    }
    for client in configuration.oauthClients {
      var line = "OAuth client id: \(client.id)"
      if let secret = client.secret { line += "  client secret: \(secret)" }
      if client.publicClient { line += "  (public client, PKCE)" }
      if let redirect = client.redirectURLs.first { line += "  redirect URL: \(redirect)" }
      lines.append(line)
    }
    let scenarios = configuration.scenarios.sorted().map(\.rawValue)
    lines.append("scenarios: \(scenarios.isEmpty ? "none" : scenarios.joined(separator: ", "))")
    lines.append("press Ctrl-C to stop")
    // Written straight to the file descriptor: print() buffers when stdout is a pipe.
    StandardStream.output.write((lines.joined(separator: "\n") + "\n"))

    let signalNumber = await waitForTermination()
    server.stop()
    StandardStream.error.write("snowgate simulate: stopped (signal \(signalNumber))\n")
    return 0
  }

  /// Suspends until SIGINT or SIGTERM arrives and returns which one.
  private static func waitForTermination() async -> Int32 {
    await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
      let resumed = SignalLatch(continuation)
      for number in [SIGINT, SIGTERM] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { resumed.fire(number) }
        source.resume()
        SignalLatch.keep(source)
      }
    }
  }
}
