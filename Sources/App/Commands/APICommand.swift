import Diagnosis
import Platform
import Profiles
import ServiceNowClient
import TextSafety
import Vocabulary

/// `snowgate api PATH`: one request to the instance with a saved profile's sign-in, like `gh api`.
///
/// Support staff reproduce a ticket with exactly the connection that failed: the same profile,
/// its token renewed as `snowgate token` renews it, and a refusal judged as `snowgate check`
/// judges it (the same verdict and exit status). The body goes to stdout byte for byte.
enum APICommand {
  /// At most this many pages with `--paginate`, so a server's endless `next` link ends.
  static let maximumPages = 1000
  /// The largest request body read from `--input`.
  static let maximumInput = 16 << 20
  /// The largest answer body written out; a larger one is refused rather than passed on.
  static let maximumAnswer = 64 << 20

  static func run(_ arguments: [String]) async -> Int32 {
    // --json promises JSON on stdout whatever happens, usage mistakes included (as check).
    var outcome = APIOutcome(json: arguments.contains("--json"))
    guard let spec = CommandTable.command("api") else { return outcome.refuse(UsageError("no api command.")) }
    let parsed: ParsedArguments
    do {
      parsed = try ParsedArguments.parse(arguments, spec: spec)
    } catch {
      return outcome.refuse(error)
    }
    if parsed.flags.contains("--help") {
      print(spec.help)
      return 0
    }
    let request: APIRequest
    do {
      request = try APIRequest.parse(parsed, readInput: readInput)
    } catch {
      return outcome.refuse(error)
    }
    outcome.report.method = request.method
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return outcome.refuse(UsageError(CheckPlanner.describe(error), code: CheckPlanner.code(of: error)))
    }
    environment.deadline = .milliseconds(Int64((request.timeout * 1000).rounded()))
    environment.caBundle = parsed.options["--ca-bundle"]
    let status = await send(request, environment: environment, outcome: &outcome)
    if request.verbose {
      CommandLineTool.printError(environment.log.render(includeBodies: true))
    }
    environment.writeLogIfAsked()
    return status
  }

  /// Reads `--input FILE` (`-` for stdin), bounded.
  static func readInput(_ path: String) throws(UsageError) -> Data {
    let data: Data?
    if path == "-" {
      data = StandardStream.input.read(upTo: maximumInput + 1)
    } else {
      // Bounded: a FIFO or /dev/zero given as FILE ends at the limit instead of filling memory.
      data = FileBytes.read(atPath: path, upTo: maximumInput + 1)
    }
    guard let data else { throw UsageError("--input \(path): the file cannot be read.") }
    guard data.count <= maximumInput else {
      throw UsageError("--input \(path) is larger than \(maximumInput >> 20) MiB.")
    }
    return data
  }

  static func send(_ request: APIRequest, environment: AppEnvironment, outcome: inout APIOutcome) async
    -> Int32
  {
    let service = TokenService(environment: environment)
    let profile: Profile
    switch ConnectionChoice.resolve(named: request.profile, variables: environment.variables) {
    case .failure(let error):
      return outcome.refuse(error)
    case .success(.saved(let name)):
      outcome.report.profile = name
      switch service.profile(named: name) {
      case .failure(let failure): return outcome.fail(failure)
      case .success(let found): profile = found
      }
    case .success(.environment(let found)):
      CommandLineTool.printError(ConnectionChoice.announcement(found))
      profile = found
    }
    outcome.report.instance = profile.instanceURL.absoluteString
    outcome.report.auth = profile.authType
    var certificate: ClientCertificate?
    if profile.authType == .certificate {
      switch await clientCertificate(profile, environment: environment) {
      case .failure(let failure): return outcome.fail(failure)
      case .success(let found): certificate = found
      }
    }
    let client = environment.client(
      for: profile.instanceURL, apiVersion: profile.apiVersion, profileBundle: profile.caBundle,
      certificate: certificate)
    guard var url = client.apiURL(request.path) else {
      return outcome.refuse(
        UsageError(
          "\(request.path) is not on the instance \(client.instance.absoluteString); "
            + "snowgate api sends a profile's sign-in only to its own instance.",
          hint: "Give a path such as table/incident or /api/now/table/incident."))
    }
    var credentials: Credentials
    var renewable = false
    switch await signIn(profile, service: service, environment: environment) {
    case .failure(let failure): return outcome.fail(failure)
    case .success(let (found, stored)):
      credentials = found
      renewable = stored
    }
    var pages = 0
    while true {
      pages += 1
      outcome.report.url = url.absoluteString
      var answer = await client.call(
        request.method, url: url, headers: request.headers, body: request.body, auth: credentials)
      // A saved token the instance no longer takes (revoked, clock skew): renew once and retry.
      if renewable, case .success(let response) = answer, response.status == 401 {
        renewable = false
        if case .success(let secrets) = await resolve(profile, environment: environment),
          case .success(let token) = await service.renew(profile, secrets: secrets)
        {
          credentials = .bearer(token.accessToken)
          answer = await client.call(
            request.method, url: url, headers: request.headers, body: request.body, auth: credentials)
        }
      }
      let response: HTTPResponse
      switch answer {
      case .failure(let failure):
        return outcome.fail(
          await asCheckSays(failure, profile: profile, request: request, environment: environment))
      case .success(let value): response = value
      }
      guard response.body.count <= maximumAnswer else {
        return outcome.fail(
          ServiceNowFailure(
            .httpTooLarge,
            detail: "The answer is larger than \(maximumAnswer >> 20) MiB; nothing of it was written. "
              + "Ask for less (sysparm_limit, sysparm_fields) or page with --paginate."),
          status: response.status)
      }
      guard (200..<300).contains(response.status) else {
        // The error body is the instance's answer: without --json it goes to stdout as gh does;
        // with --json the report takes its place and its message is in `detail`.
        if !outcome.json {
          if request.include { write(Data(utf8Of: statusAndHeaders(response))) }
          write(response.body)
        }
        let failure = SecretScrubber.$current.withValue(client.log.scrubber) {
          refusal(response, auth: credentials.kind)
        }
        return outcome.fail(failure, status: response.status)
      }
      if request.include {
        write(Data(utf8Of: statusAndHeaders(response)))
      }
      write(response.body)
      guard request.paginate, let next = nextLink(response), let nextURL = URL(string: next) else {
        return 0
      }
      guard client.isOnInstance(nextURL) else {
        return outcome.fail(
          paginationStopped(
            "The next page is on another server (\(UntrustedText.visible(nextURL.host ?? "?"))); "
              + "it was not followed, so the sign-in stays on the instance."))
      }
      guard pages < maximumPages else {
        return outcome.fail(
          paginationStopped("It stopped after \(maximumPages) pages, the most snowgate api follows."))
      }
      url = nextURL
      if !request.include, !(response.body.last.map { $0 == 0x0A } ?? true) { write(Data(utf8Of: "\n")) }
    }
  }

  /// A failure below HTTP (a proxy, DNS, TCP) as `check` words it: check judges those with
  /// its own network layers, not from libcurl's error, so they run once more here (network
  /// only, nothing is sent) and the first that fails gives the verdict. When they all pass now
  /// (the failure was passing), the client's own wording stays.
  static func asCheckSays(
    _ failure: ServiceNowFailure, profile: Profile, request: APIRequest, environment: AppEnvironment
  ) async -> ServiceNowFailure {
    let layer = failure.code.split(separator: ".").first.map(String.init) ?? ""
    guard ["proxy", "dns", "tcp"].contains(layer) else { return failure }
    let target = DiagnosisTarget(
      profile: profile.name, instance: profile.instanceURL.absoluteString, auth: profile.authType, http: nil)
    let options = ConnectionService(environment: environment).options(timeout: request.timeout)
    let report = await DiagnosisRunner.run(target, options: options)
    guard let failed = report.failingCheck, report.diagnosis.code != "ok" else { return failure }
    return ServiceNowFailure(
      code: report.diagnosis.code, summary: report.diagnosis.summary, remedies: report.diagnosis.remedies,
      detail: failed.detail)
  }

  /// A non-2xx answer as a verdict: sign-in, access, rate limits and server errors as `check`
  /// classifies them; any other status (404, 400, 405) is `api.http_error`, exit status 1.
  static func refusal(_ response: HTTPResponse, auth: ResponseClassifier.RequestAuth) -> ServiceNowFailure {
    let classified = [401, 403, 429].contains(response.status) || response.status >= 500
    if classified, let failure = ResponseClassifier.tableFailure(response, auth: auth) { return failure }
    let said = ErrorEnvelope.parse(response.body).map { "The instance said: \($0.text)" }
    return ServiceNowFailure(
      code: "api.http_error",
      summary: "The instance answered HTTP \(response.status): it did not accept this request.",
      remedies: [
        "Check the PATH, the method (-X) and the body; a 404 is a table or record that does not exist."
      ],
      detail: said ?? "HTTP \(response.status).")
  }

  /// `--paginate` stopped following pages before the last: the pages before are on stdout.
  static func paginationStopped(_ why: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "api.paginate_stopped", summary: why,
      remedies: ["Page with sysparm_offset yourself, or ask for fewer records (sysparm_query)."])
  }

  /// The credentials of a profile; true when they are a saved token that may be renewed.
  static func signIn(_ profile: Profile, service: TokenService, environment: AppEnvironment) async -> Result<
    (Credentials, Bool), ServiceNowFailure
  > {
    if profile.authType.isOAuth {
      return await service.accessToken(for: profile).map { token in
        (.bearer(token.accessToken), token.origin == .stored)
      }
    }
    if profile.authType == .certificate {
      // The certificate is in the client's TLS options (`clientCertificate(_:environment:)`).
      return profile.signedOutAt == nil
        ? .success((.clientCertificate, false)) : .failure(TokenFailures.signedOut(profile.name))
    }
    switch await resolve(profile, environment: environment) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let secrets):
      guard let password = secrets.values.password, let username = profile.username else {
        return .failure(
          TokenFailures.missingSecret(profile.name, what: "password", variable: "SNOWGATE_PASSWORD"))
      }
      return .success((.basic(username: username, password: password), false))
    }
  }

  /// The checked certificate of a `certificate` profile, its key's passphrase resolved; the
  /// files' warnings go to stderr.
  static func clientCertificate(_ profile: Profile, environment: AppEnvironment) async -> Result<
    ClientCertificate, ServiceNowFailure
  > {
    if profile.signedOutAt != nil { return .failure(TokenFailures.signedOut(profile.name)) }
    let secrets: ResolvedSecrets
    switch await resolve(profile, environment: environment) {
    case .failure(let failure): return .failure(failure)
    case .success(let resolved): secrets = resolved
    }
    guard let certificate = profile.clientCertificate(passphrase: secrets.values.keyPassphrase) else {
      return .failure(TokenFailures.incomplete(profile.name, missing: "client certificate and key"))
    }
    switch await ClientCertificateCheck.inspect(certificate, environment: environment.variables) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let report):
      report.warnings.forEach { CommandLineTool.printError("snowgate api: warning: \($0)") }
      return .success(certificate)
    }
  }

  static func resolve(_ profile: Profile, environment: AppEnvironment) async -> Result<
    ResolvedSecrets, ServiceNowFailure
  > {
    do {
      return .success(
        try await environment.store.resolveSecrets(for: profile, environment: environment.variables))
    } catch {
      return .failure(TokenFailures.store(error))
    }
  }

  /// The `rel="next"` address of a Link header, if there is one.
  static func nextLink(_ response: HTTPResponse) -> String? {
    guard let header = response.header("Link") else { return nil }
    for part in header.split(separator: ",") {
      let pieces = part.split(separator: ";").map { PlainString.trimmed($0) }
      guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
      let isNext = pieces.dropFirst().contains { piece in
        let lowered = piece.lowercased().replacing(" ", with: "")
        return lowered == "rel=\"next\"" || lowered == "rel=next"
      }
      if isNext { return String(target.dropFirst().dropLast()) }
    }
    return nil
  }

  /// `--include`: the status line and headers, then a blank line (no secret: these are the answer's).
  static func statusAndHeaders(_ response: HTTPResponse) -> String {
    let headers = response.headers.sorted { $0.key.lowercased() < $1.key.lowercased() }
      .map { "\($0.key): \($0.value)" }
    return (["HTTP \(response.status)"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
  }

  static func write(_ data: Data) {
    StandardStream.output.write(data)
  }
}
