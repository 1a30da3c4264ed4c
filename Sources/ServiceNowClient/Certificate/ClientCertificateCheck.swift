import Platform
import SystemCommands
import Vocabulary

/// The checks a client certificate and its key pass before any request presents them.
///
/// libcurl's own words for a bad file ("unable to set private key file") name neither the file
/// nor the fix, and a server that refuses a certificate says nothing of why. So the files are
/// looked at first, by the system's `openssl` (snowgate parses no certificate or key itself; it
/// only looks for the PEM markers): each file readable, PEM, the certificate within its validity period, the
/// key opened by its passphrase and the public half of the certificate. A key other users may read
/// is worth a warning, as ssh gives one.
public enum ClientCertificateCheck {
  /// A certificate or key file larger than this is neither.
  static let maximumFileSize = 1024 * 1024

  /// Checks both files of `certificate` at `now`; the certificate's names and dates, and warnings.
  public static func inspect(
    _ certificate: ClientCertificate, now: Date = Date(),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async -> Result<ClientCertificateReport, ServiceNowFailure> {
    let facts: PresentedCertificate
    switch await read(certificate.certificateFile, environment: environment) {
    case .failure(let failure): return .failure(failure)
    case .success(let read): facts = read
    }
    if let notAfter = facts.notAfter, notAfter < now {
      return .failure(
        ServiceNowFailure(
          .certificateExpired,
          detail: "The client certificate \(certificate.certificateFile) (\(facts.summary)) has expired."))
    }
    if let notBefore = facts.notBefore, notBefore > now {
      return .failure(
        ServiceNowFailure(
          .certificateExpired,
          detail: "The client certificate \(certificate.certificateFile) (\(facts.summary)) is not "
            + "valid yet; check this machine's clock (date -u)."))
    }
    if let problem = fileProblem(certificate.keyFile, what: "key") {
      return .failure(unusable(problem))
    }
    guard let keyText = contents(certificate.keyFile), keyText.contains("PRIVATE KEY-----") else {
      return .failure(
        unusable("\(certificate.keyFile) holds no PEM private key (a -----BEGIN PRIVATE KEY----- block)."))
    }
    let encrypted = keyText.contains("ENCRYPTED")
    if encrypted, certificate.passphrase?.isEmpty ?? true {
      return .failure(
        unusable(
          "The key \(certificate.keyFile) is encrypted and no passphrase was given: set "
            + "SNOWGATE_KEY_PASSPHRASE (or save it with snowgate setup)."))
    }
    let keyPublic: String
    switch await publicKey(
      ofKey: certificate.keyFile, passphrase: encrypted ? certificate.passphrase : nil,
      environment: environment)
    {
    case .failure(let failure): return .failure(failure)
    case .success(let pem): keyPublic = pem
    }
    let certificatePublic = await run(
      ["openssl", "x509", "-in", certificate.certificateFile, "-noout", "-pubkey"], environment: environment)
    guard let certificatePublic, Self.normalised(certificatePublic) == Self.normalised(keyPublic) else {
      return .failure(
        unusable(
          "The key \(certificate.keyFile) does not belong to the certificate \(certificate.certificateFile) "
            + "(their public keys differ): give the key the certificate was made for."))
    }
    var warnings: [String] = []
    if let mode = permissions(certificate.keyFile), mode & 0o077 != 0 {
      warnings.append(
        "The key \(certificate.keyFile) can be read by other users (mode \(String(mode, radix: 8))); "
          + "anyone who reads it can sign in as the mapped user: chmod 600 \(certificate.keyFile)")
    }
    return .success(ClientCertificateReport(certificate: facts, warnings: warnings))
  }

  /// The subject, issuer and validity of the PEM certificate in `path`, read by `openssl x509`
  /// on a thread of its own, so the cooperative pool stays free.
  public static func read(
    _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) async -> Result<PresentedCertificate, ServiceNowFailure> {
    await withCheckedContinuation { continuation in
      DetachedThread.start(stackSize: 1024 * 1024) {
        continuation.resume(returning: readNow(path, environment: environment))
      }
    }
  }

  /// `read` on the calling thread, for commands that do nothing else meanwhile (`profiles`).
  public static func readNow(
    _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Result<PresentedCertificate, ServiceNowFailure> {
    if let problem = fileProblem(path, what: "certificate") {
      return .failure(unusable(problem))
    }
    guard let text = contents(path), text.contains("-----BEGIN CERTIFICATE-----") else {
      return .failure(
        unusable("\(path) holds no PEM certificate (a -----BEGIN CERTIFICATE----- block)."))
    }
    guard
      let output = runNow(
        [
          "openssl", "x509", "-in", path, "-noout", "-subject", "-issuer", "-startdate", "-enddate",
          "-nameopt", "compat",
        ], environment: environment)
    else {
      return .failure(unusable("openssl could not read the certificate in \(path)."))
    }
    var fields: [String: String] = [:]
    for line in output.split(whereSeparator: \.isNewline) {
      guard let equals = line.firstIndex(of: "=") else { continue }
      fields[PlainString.trimmed(line[..<equals])] = PlainString.trimmed(line[line.index(after: equals)...])
    }
    return .success(
      PresentedCertificate(
        subject: PresentedCertificate.readableName(String((fields["subject"] ?? "").prefix(256))),
        issuer: PresentedCertificate.readableName(String((fields["issuer"] ?? "").prefix(256))),
        notBefore: fields["notBefore"].flatMap(date), notAfter: fields["notAfter"].flatMap(date)))
  }

  // MARK: openssl

  private static func publicKey(
    ofKey path: String, passphrase: Secret?, environment: [String: String]
  ) async -> Result<String, ServiceNowFailure> {
    // The passphrase goes on stdin (`-passin stdin`), never in argv; a plain key gets an empty one
    // so openssl never asks on the terminal.
    let arguments =
      ["openssl", "pkey", "-in", path, "-pubout", "-passin"] + [passphrase == nil ? "pass:" : "stdin"]
    let input = passphrase.map { Data(utf8Of: $0.reveal() + "\n") } ?? Data()
    let command = SystemCommand(arguments, input: input, environment: environment)
    do {
      let result = try await command.output()
      guard result.succeeded else {
        let errors = result.errorText.lowercased()
        if passphrase != nil, errors.contains("decrypt") || errors.contains("password") {
          return .failure(
            unusable(
              "The passphrase in SNOWGATE_KEY_PASSPHRASE (or the store) does not open the key \(path)."))
        }
        return .failure(unusable("openssl could not read the private key in \(path)."))
      }
      return .success(String(decoding: result.standardOutput, as: UTF8.self))
    } catch {
      return .failure(unusable("openssl could not be run to read \(path): \(error)"))
    }
  }

  private static func runNow(_ arguments: [String], environment: [String: String]) -> String? {
    guard let result = try? SystemCommand(arguments, environment: environment).run(), result.succeeded
    else { return nil }
    return String(decoding: result.standardOutput, as: UTF8.self)
  }

  private static func run(_ arguments: [String], environment: [String: String]) async -> String? {
    guard let result = try? await SystemCommand(arguments, environment: environment).output(),
      result.succeeded
    else { return nil }
    return String(decoding: result.standardOutput, as: UTF8.self)
  }

  /// `notAfter=2026-12-04 00:41:28Z` (`-dateopt iso_8601`) or OpenSSL's default
  /// `Dec  4 00:41:28 2026 GMT`.
  static func date(_ text: String) -> Date? {
    let words = text.split(separator: " ")
    if words.count == 5, let month = monthNumber(words[0]), let day = Int(words[1]), let year = Int(words[3]),
      ["GMT", "UTC"].contains(words[4].uppercased())
    {
      return utcDate(year: year, month: month, day: day, time: words[2])
    }
    // 2026-12-04 00:41:28Z
    if words.count == 2, words[1].hasSuffix("Z") {
      let parts = words[0].split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
        let day = Int(parts[2])
      else { return nil }
      return utcDate(year: year, month: month, day: day, time: words[1].dropLast())
    }
    return nil
  }

  private static let monthNames = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  /// 1 for "Jan" (or "January"), any letter case; nil for anything else.
  private static func monthNumber(_ word: Substring) -> Int? {
    let lower = word.lowercased()
    guard lower.count >= 3, let index = monthNames.firstIndex(of: String(lower.prefix(3))) else { return nil }
    let full = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december",
    ][index]
    return lower.count == 3 || lower == full ? index + 1 : nil
  }

  /// The moment of a UTC calendar date and an `HH:mm:ss` time, nil when either is out of range.
  private static func utcDate(year: Int, month: Int, day: Int, time: Substring) -> Date? {
    let clock = time.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard clock.count == 3, let hour = clock[0], let minute = clock[1], let second = clock[2],
      (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
      (1...12).contains(month), (1...9999).contains(year)
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...lengths[month - 1]).contains(day) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    return calendar.date(
      from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
  }

  private static func normalised(_ pem: String) -> String {
    pem.split(whereSeparator: \.isNewline).map { PlainString.trimmed($0) }.joined()
  }

  // MARK: files

  /// Why `path` cannot be read as a small regular file, or nil when it can.
  static func fileProblem(_ path: String, what: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))
      return "The \(what) file \(path) cannot be read: \(reason)."
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      return "The \(what) file \(path) is not a regular file."
    }
    guard access(path, R_OK) == 0 else {
      return "The \(what) file \(path) cannot be read by this user (\(String(cString: strerror(errno))))."
    }
    guard info.st_size <= maximumFileSize else {
      return "The \(what) file \(path) is larger than 1 MiB, far too large for a \(what)."
    }
    return nil
  }

  private static func contents(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path), data.count <= maximumFileSize else {
      return nil
    }
    return String(decoding: data, as: UTF8.self)
  }

  private static func permissions(_ path: String) -> UInt32? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return UInt32(info.st_mode) & 0o777
  }

  private static func unusable(_ detail: String) -> ServiceNowFailure {
    ServiceNowFailure(.certificateUnusable, detail: detail)
  }
}
