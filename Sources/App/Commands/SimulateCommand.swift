import Foundation
import Simulator

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `snowgate simulate`: runs the simulated ServiceNow instance until SIGINT or SIGTERM.
///
/// The first stdout line is exactly `listening on http://127.0.0.1:PORT`, flushed at once, so
/// scripts started with `--port 0` can read the port before anything else.
enum SimulateCommand {
  static let usage = """
    Usage: snowgate simulate [--port N] [--scenario NAME|FILE] [--auto-approve] [--request-log FILE]

    Runs a simulated ServiceNow instance on 127.0.0.1 until Ctrl-C.

    Options:
      --port N             listen on port N (default 0: any free port)
      --scenario NAME|FILE make it a broken instance: a scenario name (several joined by commas)
                           or a JSON scenario file. Names: \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))
      --auto-approve       skip the OAuth consent page: /oauth_auth.do redirects with a code at once
      --request-log FILE   append one line per request to FILE: method, path, grant type, status
      --help               show this help
    """

  static func run(_ args: [String]) async -> Int32 {
    var port: UInt16 = 0
    var scenario: String?
    var autoApprove = false
    var requestLog: String?
    var index = 0
    func fail(_ sentence: String) -> Int32 {
      FileHandle.standardError.write(Data("snowgate simulate: \(sentence)\n".utf8))
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
        return fail(error.localizedDescription)
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
      FileHandle.standardError.write(Data("snowgate simulate: \(error.localizedDescription)\n".utf8))
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
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))

    let signalNumber = await waitForTermination()
    server.stop()
    FileHandle.standardError.write(Data("snowgate simulate: stopped (signal \(signalNumber))\n".utf8))
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
