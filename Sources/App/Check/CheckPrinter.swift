import Diagnosis
import Platform
import ServiceNowClient
import Vocabulary

/// Says the reports of a check run: for a person, as JSON, and into a support bundle.
struct CheckPrinter {
  var request: CheckRequest
  var variables: [String: String]

  /// Colour only on a terminal, and never when NO_COLOR is set.
  var colour: Bool { isatty(STDOUT_FILENO) == 1 && ColourPolicy.allowed(variables) }

  /// Everything for stdout, plus what belongs on stderr (notes beside JSON, the log with --json).
  func render(_ reports: [Report], checks: [PreparedCheck]) -> (stdout: String, stderr: String) {
    var out = ""
    var err = ""
    if request.json {
      for (index, check) in checks.enumerated() {
        err += check.notes.map { "note: \($0)\n" }.joined()
        if request.verbose {
          err += exchangeHeader(reports[index], multiple: checks.count > 1)
          err += check.log.render() + "\n"
        }
      }
      out = (request.all ? JSONReport.render(reports) : JSONReport.render(reports[0])) + "\n"
      return (out, err)
    }
    for (index, report) in reports.enumerated() {
      if index > 0 { out += "\n" }
      out += checks[index].notes.map { "Note: \($0)\n" }.joined()
      out += HumanReport.render(
        report, colour: colour, verbose: request.verbose,
        exchangeLog: request.verbose ? checks[index].log.render() : nil)
    }
    if request.all {
      let good = reports.filter(\.ok).count
      out += "\n\(good) of \(reports.count) connections work.\n"
    }
    return (out, err)
  }

  /// One report for a person, without its notes (the live printer shows them first).
  func renderReport(_ report: Report, check: PreparedCheck) -> String {
    HumanReport.render(
      report, colour: colour, verbose: request.verbose,
      exchangeLog: request.verbose ? check.log.render() : nil)
  }

  private func exchangeHeader(_ report: Report, multiple: Bool) -> String {
    let who = multiple ? " of \(report.profile ?? report.instance)" : ""
    return "HTTP exchange\(who) (secrets redacted):\n"
  }

  /// The exit status of a run: the one report's, or with --all 0 when all work, else the first
  /// failing report's.
  static func exitStatus(_ reports: [Report]) -> Int32 {
    reports.first { !$0.ok }.map { exitCode(for: $0.diagnosis.code) } ?? 0
  }

  /// Writes the support bundle of one report; a sentence for stderr when that fails.
  func writeBundle(_ path: String, report: Report, check: PreparedCheck) -> String? {
    var commands: [String] = []
    if case .success(let address) = InstanceURL.normalise(check.target.instance) {
      commands = CurlCommands.make(
        baseURL: address.url, auth: check.target.auth, apiVersion: address.apiVersion,
        timeout: request.timeout)
    }
    do {
      try SupportBundle.write(
        to: path, report: report, exchangeLog: check.log.render(), version: CommandLineTool.version,
        environment: variables, curlCommands: commands)
      return nil
    } catch {
      return (error as? SupportBundleError)?.description ?? "Cannot write the support bundle to \(path)."
    }
  }
}
