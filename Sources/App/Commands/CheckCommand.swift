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
  static let usage = """
    Usage: snowgate check [NAME | --all] [--json] [--verbose] [--timeout SECONDS] [--bundle FILE] [--refresh]
           snowgate check --instance URL [--auth KIND] [--username USER] [--client-id ID] [--password-stdin] [...]

    Diagnoses a connection layer by layer: url, proxy, dns, tcp, tls, instance, auth, api,
    api_meta, token. The first failure is the diagnosis: a stable code, a sentence and remedies;
    the layers above it are skipped.

    Which connection:
      NAME                 a saved profile (default: the default profile)
      --all                every saved profile, at the same time
      --instance URL       an instance without a saved profile (a name like dev12345 or a URL)
      --auth KIND          with --instance: basic (default), password, refresh-token, client-credentials
      --username USER      with --instance: the user (basic and password)
      --client-id ID       with --instance: the OAuth client ID (OAuth kinds)
      --password-stdin     read the password from the first line of stdin

    Secrets never go on the command line. They come from the profile's store, or from
    SNOWGATE_PASSWORD, SNOWGATE_CLIENT_SECRET and SNOWGATE_REFRESH_TOKEN, which win over saved
    values (the output says so when one does).

    Output:
      --json               the report as JSON (an array with --all):
                           {"profile","instance","auth","ok",
                            "diagnosis":{"code","summary","remedies":[...]},
                            "checks":[{"id","status","title","detail","remedy","elapsed_ms"}],
                            "elapsed_ms"}
      --verbose            add the HTTP exchange, secrets redacted (on stderr with --json)
      --bundle FILE        also write a support bundle for a ticket (mode 0600): the JSON verdict,
                           the redacted exchange, version, OS, TERM, proxy hosts, curl commands
      --timeout SECONDS    the deadline of each network step (default 10)
      --ca-bundle FILE     trust the CA certificates in FILE (PEM) as well as the system store;
                           else the profile's, SNOWGATE_CA_BUNDLE or SSL_CERT_FILE
      --refresh            OAuth: force a token refresh in the token check
      --help               show this help

    The instance's own setup (read as an admin; the profile's sign-in unless --admin is given):
      --instance-setup     the profile's OAuth record: Active, redirect URL, public client,
                           token lifespans and refresh-token expiry, Application User and the
                           client-credentials property, token restrictions and format
      --for agent-transfer the plugins, the agent group's roles, members and presence, and the
                           REST message "VABot to Bot" live-agent transfer needs
      --admin PROFILE      read (and write) as this saved admin profile of the same instance
      --webhook URL        with --for agent-transfer: the bot's webhook the REST message must name
      --group NAME         the agent group (default "Consumer Service Support")
      --member USER        with --fix: the user to add to an empty agent group
      --fix                make the changes the Table API allows (REST message endpoints, the
                           group's roles, a member) after showing them and asking; never plugins
      --yes                with --fix: answer yes (scripts); without a terminal and --yes, --fix
                           refuses and changes nothing
      --json               {"profile","instance","admin","check","ok",
                            "checks":[{"id","status","title","detail","remedy"}],
                            "refused":[{"table","answer","would_tell"}],
                            "changes":[{"table","sys_id","fields","summary"}]}
                           (with --fix --yes: the report after the changes)
      Exit status: 0 every line passes or warns, 1 a line fails, 3 reads were refused,
      2 --fix without a terminal or --yes (nothing written).

    Colour only when stdout is a terminal and NO_COLOR is not set.

    Exit status:
      0  ok (warnings allowed)
      1  anything else
      2  usage or configuration error, url.invalid included
      3  authentication or authorization: auth.*, oauth.* (not oauth.bad_response),
         api.forbidden, api.rest_api_denied, api.scope_missing, api.table_security,
         api.cross_scope
      4  network, TLS or instance: proxy.*, dns.*, tcp.*, tls.*, http.timeout, instance.*
      5  an answer snowgate cannot use: api.bad_response, oauth.bad_response
      6  api.rate_limited
      With --all: 0 when every connection works, else the first failing one's status.
      A support bundle that cannot be written: 1, whatever the verdict.
    """

  static func run(_ arguments: [String]) async -> Int32 {
    // --json promises JSON on stdout whatever happens, usage mistakes included.
    let json = arguments.contains("--json")
    let request: CheckRequest
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
      FileHandle.standardOutput.write(Data(out.utf8))
      if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
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
    if !notes.isEmpty { FileHandle.standardOutput.write(Data(notes.utf8)) }
    let live = LiveCheckPrinter(
      target: check.target, colour: printer.colour, spinner: isatty(STDERR_FILENO) == 1)
    let ticker = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: .milliseconds(100))
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
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
    return 2
  }
}
