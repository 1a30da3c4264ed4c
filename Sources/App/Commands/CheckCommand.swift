import Diagnosis
import Foundation
import ServiceNowClient
import TextSafety
import Vocabulary

/// `snowgate check`: diagnoses a connection layer by layer and says what to do about it.
///
/// The exit status is the verdict's (`Diagnosis.exitCode(for:)`) so scripts and support staff
/// can act on it without reading the text; usage and configuration mistakes are 2.
enum CheckCommand {
  /// The help text, from the command table.
  static var usage: String { CommandStart.help("check") }

  static func run(_ arguments: [String]) async -> Int32 {
    var request: CheckRequest
    do {
      request = try CheckRequest.parse(arguments)
    } catch {
      return CommandLineTool.fail(error)
    }
    if request.help {
      print(usage)
      return 0
    }
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.fail(UsageError(CheckPlanner.describe(error)))
    }
    if request.profile == nil, !request.all, request.instance == nil {
      switch ConnectionChoice.resolve(named: nil, variables: environment.variables) {
      case .failure(let error):
        return CommandLineTool.fail(error)
      case .success(.saved(let name)):
        request.profile = name
      case .success(.environment(let profile)):
        CommandLineTool.printError(ConnectionChoice.announcement(profile))
        request.instance = profile.instanceURL.absoluteString
        request.auth = profile.authType
        request.username = profile.username
        request.clientID = profile.clientID
      }
    }
    environment.deadline = .milliseconds(Int64((request.timeout * 1000).rounded()))
    environment.caBundle = request.caBundle
    var stdinPassword: Secret?
    if request.passwordFromStdin {
      let read = BoundedLine.read()
      if case .tooLong = read {
        return CommandLineTool.fail(UsageError(BoundedLine.tooLongSentence("The first line of stdin")))
      }
      guard let line = read.text, !line.isEmpty else {
        return CommandLineTool.fail(
          UsageError("--password-stdin found no password: the first line of stdin was empty."))
      }
      stdinPassword = Secret(line)
    }
    let planner = CheckPlanner(environment: environment, request: request, stdinPassword: stdinPassword)
    let checks: [PreparedCheck]
    do {
      checks = try await planner.plan()
    } catch {
      return CommandLineTool.fail(error)
    }
    let options = DiagnosisOptions(
      timeout: request.timeout, forceRefresh: request.refresh, environment: environment.variables)
    // A person at a terminal sees which layer is being checked while it runs (a status line on
    // stderr, erased before the report); pipes, JSON and --all get only the report.
    let live = !request.json && checks.count == 1 && isatty(STDERR_FILENO) == 1
    let reports = await DiagnosisRunner.runAll(checks.map(\.target), options: options) { _, progress in
      guard live, case .started(let id) = progress else { return }
      // Carriage return and padding, no escape sequences: NO_COLOR and dumb terminals stay plain.
      let text = "  … checking \(id.title)"
      FileHandle.standardError.write(
        Data(("\r" + text.padding(toLength: 40, withPad: " ", startingAt: 0)).utf8))
    }
    if live { FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 40) + "\r").utf8)) }
    let printer = CheckPrinter(request: request, variables: environment.variables)
    let (out, err) = printer.render(reports, checks: checks)
    FileHandle.standardOutput.write(Data(out.utf8))
    if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
    if checks.count == 1 {
      var single = environment
      single.log = checks[0].log
      single.writeLogIfAsked()
    }
    if let path = request.bundle, let report = reports.first {
      if let problem = printer.writeBundle(path, report: report, check: checks[0]) {
        CommandLineTool.printError("snowgate: \(problem)")
        return 1
      }
      CommandLineTool.printError("Support bundle written to \(path) (readable by you only).")
    }
    return CheckPrinter.exitStatus(reports)
  }
}
