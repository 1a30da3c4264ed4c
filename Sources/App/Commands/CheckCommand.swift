import Diagnosis
import Platform
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
    // --json promises JSON on stdout whatever happens, usage mistakes included.
    let json = arguments.contains("--json")
    var request: CheckRequest
    do {
      request = try CheckRequest.parse(arguments)
    } catch {
      return refuse(error, json: json, profile: nil)
    }
    if request.help {
      print(usage)
      return 0
    }
    CheckInterrupt.install()
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return refuse(
        UsageError(CheckPlanner.describe(error), code: CheckPlanner.code(of: error)), json: json,
        profile: request.profile)
    }
    if request.profile == nil, !request.all, request.instance == nil {
      switch ConnectionChoice.resolve(named: nil, variables: environment.variables) {
      case .failure(let error):
        return refuse(error, json: json, profile: nil)
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
    if request.instanceSetup || request.purpose != nil {
      return await SetupCheckCommand.run(request, environment: environment)
    }
    var stdinPassword: Secret?
    if request.passwordFromStdin {
      let read = BoundedLine.read()
      if case .tooLong = read {
        return refuse(
          UsageError(BoundedLine.tooLongSentence("The first line of stdin")), json: json,
          profile: request.profile)
      }
      guard let line = read.text, !line.isEmpty else {
        return refuse(
          UsageError("--password-stdin found no password: the first line of stdin was empty."), json: json,
          profile: request.profile)
      }
      stdinPassword = Secret(line)
    } else if let instance = request.instance, [.basic, .oauthPassword].contains(request.auth),
      (environment.variables["SNOWGATE_PASSWORD"] ?? "").isEmpty, PasswordPrompt.canAsk
    {
      // A person at a terminal is asked; a script keeps the refusal that names the variable.
      let user = request.username.map { " of \($0)" } ?? ""
      stdinPassword = PasswordPrompt.ask("Password\(user) for \(instance) (not shown): ")
    }
    let service = ConnectionService(environment: environment)
    let checks: [PreparedCheck]
    do {
      checks = try await service.plan(request, stdinPassword: stdinPassword)
    } catch {
      return refuse(error, json: json, profile: request.profile, request: request)
    }
    let options = service.options(timeout: request.timeout, forceRefresh: request.refresh)
    let printer = CheckPrinter(request: request, variables: environment.variables)
    let reports: [Report]
    if LiveCheckPrinter.applies(to: request, checks: checks.count, variables: environment.variables) {
      reports = await runLive(checks[0], service: service, options: options, printer: printer)
    } else {
      reports = await service.test(checks, options: options)
      let (out, err) = printer.render(reports, checks: checks)
      StandardStream.output.write(out)
      if !err.isEmpty { StandardStream.error.write(err) }
    }
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

  /// One connection on a terminal: the notes, then each layer's line as it finishes with the
  /// running one's spinner below, then the remedies and the verdict.
  private static func runLive(
    _ check: PreparedCheck, service: ConnectionService, options: DiagnosisOptions, printer: CheckPrinter
  ) async -> [Report] {
    let notes = check.notes.map { "Note: \($0)\n" }.joined()
    if !notes.isEmpty { StandardStream.output.write(notes) }
    let live = LiveCheckPrinter(
      target: check.target, colour: printer.colour, spinner: isatty(STDERR_FILENO) == 1)
    let ticker = CommandLoop.task {
      while !Task.isCancelled {
        try? await CommandLoop.sleep(for: .milliseconds(100))
        live.tick()
      }
    }
    let report = await service.test(check, options: options) { live.progress($0) }
    ticker.cancel()
    live.finish(printer.renderReport(report, check: check))
    return [report]
  }

  /// A mistake that stops the check before it starts: a sentence on stderr, or with --json the
  /// report's shape with the problem as its diagnosis; exit status 2 either way.
  static func refuse(_ error: UsageError, json: Bool, profile: String?, request: CheckRequest? = nil) -> Int32
  {
    guard json else { return CommandLineTool.fail(error) }
    // What is known before any check: the instance and auth of --instance, else nothing.
    var instance = ""
    if let text = request?.instance, case .success(let address) = InstanceURL.normalise(text) {
      instance = address.url.absoluteString
    }
    let report = Report(
      profile: profile, instance: instance, auth: request?.auth ?? .basic,
      diagnosis: Verdict(code: error.code, summary: error.message, remedies: error.hint.map { [$0] } ?? []),
      checks: [], elapsedMilliseconds: 0)
    // With --all a script reads an array; it gets one, holding the problem.
    let all = CommandLine.arguments.contains("--all")
    let text = all ? JSONReport.render([report]) : JSONReport.render(report)
    StandardStream.output.write((text + "\n"))
    return 2
  }
}
