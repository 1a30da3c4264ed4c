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
      Exit status: 0 every line passes or warns, 1 a line fails, 3 reads were refused.

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
    let request: CheckRequest
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
    environment.deadline = .milliseconds(Int64((request.timeout * 1000).rounded()))
    environment.caBundle = request.caBundle
    if request.instanceSetup || request.purpose != nil {
      return await SetupCheckCommand.run(request, environment: environment)
    }
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
