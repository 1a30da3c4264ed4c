import Diagnosis
import Foundation
import Profiles
import ServiceNowClient
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
    let parsed: ParsedArguments
    switch CommandStart.parse(arguments, command: "api") {
    case .exit(let status): return status
    case .run(let arguments): parsed = arguments
    }
    let request: APIRequest
    do {
      request = try APIRequest.parse(parsed, readInput: readInput)
    } catch {
      return CommandLineTool.fail(error)
    }
    var environment: AppEnvironment
    do {
      environment = try AppEnvironment.current()
    } catch {
      return CommandLineTool.failure(error)
    }
    environment.deadline = .milliseconds(Int64((request.timeout * 1000).rounded()))
    environment.caBundle = parsed.options["--ca-bundle"]
    let status = await send(request, environment: environment)
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
      data = try? FileHandle.standardInput.read(upToCount: maximumInput + 1) ?? Data()
    } else {
      data = FileManager.default.contents(atPath: path)
    }
    guard let data else { throw UsageError("--input \(path): the file cannot be read.") }
    guard data.count <= maximumInput else {
      throw UsageError("--input \(path) is larger than \(maximumInput >> 20) MiB.")
    }
    return data
  }

  static func send(_ request: APIRequest, environment: AppEnvironment) async -> Int32 {
    let service = TokenService(environment: environment)
    let profile: Profile
    switch ConnectionChoice.resolve(named: request.profile, variables: environment.variables) {
    case .failure(let error):
      return CommandLineTool.fail(error)
    case .success(.saved(let name)):
      switch service.profile(named: name) {
      case .failure(let failure): return report(failure)
      case .success(let found): profile = found
      }
    case .success(.environment(let found)):
      CommandLineTool.printError(ConnectionChoice.announcement(found))
      profile = found
    }
    var certificate: ClientCertificate?
    if profile.authType == .certificate {
      switch await clientCertificate(profile, environment: environment) {
      case .failure(let failure): return report(failure)
      case .success(let found): certificate = found
      }
    }
    let client = environment.client(
      for: profile.instanceURL, apiVersion: profile.apiVersion, profileBundle: profile.caBundle,
      certificate: certificate)
    guard var url = client.apiURL(request.path) else {
      return CommandLineTool.fail(
        UsageError(
          "\(request.path) is not on the instance \(client.instance.absoluteString); "
            + "snowgate api sends a profile's sign-in only to its own instance.",
          hint: "Give a path such as table/incident or /api/now/table/incident."))
    }
    var credentials: Credentials
    var renewable = false
    switch await signIn(profile, service: service, environment: environment) {
    case .failure(let failure): return report(failure)
    case .success(let (found, stored)):
      credentials = found
      renewable = stored
    }
    var pages = 0
    while true {
      pages += 1
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
      case .failure(let failure): return report(failure)
      case .success(let value): response = value
      }
      guard response.body.count <= maximumAnswer else {
        CommandLineTool.printError(
          "snowgate api: the answer is larger than \(maximumAnswer >> 20) MiB; nothing of it was written. "
            + "Ask for less (sysparm_limit, sysparm_fields) or page with --paginate.")
        return 5
      }
      if request.include {
        write(Data(statusAndHeaders(response).utf8))
      }
      write(response.body)
      guard (200..<300).contains(response.status) else {
        let failure =
          ResponseClassifier.tableFailure(response, auth: credentials.kind)
          ?? ServiceNowFailure(.apiBadResponse, detail: "HTTP \(response.status).")
        CommandLineTool.printError(FailureText.render(failure, command: "api"))
        let classified = [401, 403, 429].contains(response.status) || response.status >= 500
        return classified ? Diagnosis.exitCode(for: failure.code) : 1
      }
      guard request.paginate, let next = nextLink(response), let nextURL = URL(string: next) else {
        return 0
      }
      guard client.isOnInstance(nextURL) else {
        CommandLineTool.printError(
          "snowgate api: the next page is on another server (\(nextURL.host ?? "?")); stopped without following it."
        )
        return 1
      }
      guard pages < maximumPages else {
        CommandLineTool.printError("snowgate api: stopped after \(maximumPages) pages.")
        return 1
      }
      url = nextURL
      if !request.include, !(response.body.last.map { $0 == 0x0A } ?? true) { write(Data("\n".utf8)) }
    }
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
      guard let password = secrets.password, let username = profile.username else {
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
    guard let certificate = profile.clientCertificate(passphrase: secrets.keyPassphrase) else {
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
      let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
      let isNext = pieces.dropFirst().contains { piece in
        let lowered = piece.lowercased().replacingOccurrences(of: " ", with: "")
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

  static func report(_ failure: ServiceNowFailure) -> Int32 {
    CommandLineTool.printError(FailureText.render(failure, command: "api"))
    return Diagnosis.exitCode(for: failure.code)
  }

  static func write(_ data: Data) {
    FileHandle.standardOutput.write(data)
  }
}
