import CCurl
import Platform
import Vocabulary

/// One request: its easy handle, its buffers, and the continuation its answer resumes.
///
/// Set up on the calling thread, then handed to the process's one `CurlEngine`, whose thread
/// alone touches the handle from then on: it runs the transfer beside the others, on the
/// connections they share, and calls `complete` or `abandon` exactly once.
final class CurlTransfer: @unchecked Sendable {
  private let library: CurlLibrary
  private let request: TransportRequest
  private let deadline: Duration
  private let limits: (headers: Int, body: Int)

  /// The easy handle, nil until `prepare` made it and after the transfer ended.
  private(set) var easy: UnsafeMutableRawPointer?
  private var errorBuffer: UnsafeMutablePointer<CChar>?
  private var chain: UnsafeMutablePointer<sg_chain>?
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private var continuation: CheckedContinuation<HTTPResponse, any Error>?

  private let lock = Lock()
  private var cancelledFlag = false

  // Written by libcurl's callbacks on the engine thread only.
  fileprivate var body = Data()
  fileprivate var headerLines: [String] = []
  fileprivate var headerBytes = 0
  fileprivate var exceeded: ResponseTooLarge?

  init(library: CurlLibrary, request: TransportRequest, deadline: Duration, limits: (headers: Int, body: Int))
  {
    self.library = library
    self.request = request
    self.deadline = deadline
    self.limits = limits
  }

  deinit { release() }

  /// Whether `cancel()` was called; the engine never starts a cancelled transfer.
  var isCancelled: Bool { lock.withLock { cancelledFlag } }

  /// Marks the transfer cancelled; the engine ends it (or never starts it) when it wakes.
  func markCancelled() {
    lock.withLock { cancelledFlag = true }
  }

  /// Makes and configures the easy handle; the failure when libcurl refuses it.
  func prepare() -> (any Error)? {
    let api = library.api
    guard let easy = api.pointee.easy_init() else {
      return CurlFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed")
    }
    self.easy = easy
    // libcurl writes its sentence here during the transfer, so the buffer must outlive every
    // call that may fail: allocated, not an array's temporary pointer.
    let errorSize = Int(CURL_ERROR_SIZE) + 1
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
    errorBuffer.initialize(repeating: 0, count: errorSize)
    self.errorBuffer = errorBuffer
    let chain = UnsafeMutablePointer<sg_chain>.allocate(capacity: 1)
    chain.initialize(to: sg_chain())
    self.chain = chain
    let context = Unmanaged.passUnretained(self).toOpaque()
    let setupCode = configure(
      easy, errorBuffer: errorBuffer, chain: chain, context: context, headers: &headerList)
    if setupCode != CURLE_OK {
      return CurlFailure(code: Int(setupCode.rawValue), message: "libcurl refused an option")
    }
    return nil
  }

  /// Keeps the continuation the engine resumes when the transfer ends.
  func wait(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
    self.continuation = continuation
  }

  /// The transfer ended with `code` (engine thread, after the handle left the multi handle).
  func complete(_ code: CURLcode) {
    let result: Result<HTTPResponse, any Error>
    if isCancelled {
      result = .failure(CancellationError())
    } else if let easy, let errorBuffer, let chain {
      result = finish(easy, code: code, message: String(cString: errorBuffer), chain: chain.pointee)
    } else {
      result = .failure(CurlFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "no easy handle"))
    }
    release()
    resume(result)
  }

  /// The transfer ends without an answer: cancelled, or never started.
  func abandon(_ error: any Error) {
    release()
    resume(.failure(error))
  }

  private func resume(_ result: Result<HTTPResponse, any Error>) {
    let waiting = continuation
    continuation = nil
    waiting?.resume(with: result)
  }

  private func release() {
    let api = library.api
    if let easy { api.pointee.easy_cleanup(easy) }
    easy = nil
    api.pointee.slist_free_all(headerList)
    headerList = nil
    errorBuffer?.deallocate()
    errorBuffer = nil
    chain?.deallocate()
    chain = nil
  }

  private func configure(
    _ easy: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>,
    chain: UnsafeMutablePointer<sg_chain>,
    context: UnsafeMutableRawPointer, headers: inout UnsafeMutablePointer<curl_slist>?
  ) -> CURLcode {
    let api = library.api
    let milliseconds = max(1, Int(Self.milliseconds(deadline)))
    var codes: [CURLcode] = []
    func long(_ option: CURLoption, _ value: Int) { codes.append(sg_setopt_long(api, easy, option, value)) }
    func text(_ option: CURLoption, _ value: String) {
      codes.append(sg_setopt_string(api, easy, option, value))
    }

    codes.append(sg_setopt_pointer(api, easy, CURLOPT_ERRORBUFFER, errorBuffer))
    text(CURLOPT_URL, request.url.absoluteString)
    text(CURLOPT_PROTOCOLS_STR, "http,https")
    long(CURLOPT_NOSIGNAL, 1)
    long(CURLOPT_FOLLOWLOCATION, 0)
    long(CURLOPT_TIMEOUT_MS, milliseconds)
    long(CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
    long(CURLOPT_SSL_VERIFYPEER, 1)
    long(CURLOPT_SSL_VERIFYHOST, 2)
    long(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
    codes.append(sg_setopt_off(api, easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.body)))
    text(CURLOPT_ACCEPT_ENCODING, library.acceptEncoding)
    // One reader of the proxy variables (ProxyEnvironment, through the caller): libcurl's own
    // reading of the environment is overridden, "" meaning a direct connection.
    text(CURLOPT_PROXY, request.options.proxy ?? "")
    text(CURLOPT_NOPROXY, "")
    if let bundle = request.options.caBundle {
      text(CURLOPT_CAINFO, bundle)
    }
    if let certificate = request.options.clientCertificate {
      text(CURLOPT_SSLCERT, certificate)
      text(CURLOPT_SSLCERTTYPE, "PEM")
      text(CURLOPT_SSLKEY, request.options.clientKey ?? certificate)
      text(CURLOPT_SSLKEYTYPE, "PEM")
      if let passphrase = request.options.clientKeyPassphrase {
        text(CURLOPT_KEYPASSWD, passphrase.reveal())
      }
    }
    codes.append(sg_setopt_chain_recorder(api, easy, chain))

    let method = request.method.uppercased()
    switch method {
    case "GET":
      long(CURLOPT_HTTPGET, 1)
    case "HEAD":
      long(CURLOPT_NOBODY, 1)
    case "POST":
      long(CURLOPT_POST, 1)
    default:
      text(CURLOPT_CUSTOMREQUEST, method)
    }
    if let body = request.body {
      codes.append(sg_setopt_off(api, easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
      codes.append(
        body.withUnsafeBytes { bytes in
          sg_setopt_pointer(
            api, easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        })
    }
    var list: UnsafeMutablePointer<curl_slist>?
    for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
      // By scalar: "\r\n" is one Character in Swift, so filtering Characters would keep it.
      let clean = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
      let cleanName = String(
        String.UnicodeScalarView(name.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != ":" }))
      list = api.pointee.slist_append(list, "\(cleanName): \(clean)")
    }
    // No `Expect: 100-continue` round trip for a POST.
    list = api.pointee.slist_append(list, "Expect:")
    headers = list
    codes.append(sg_setopt_slist(api, easy, CURLOPT_HTTPHEADER, list))

    codes.append(sg_setopt_write(api, easy, curlWriteBody, context))
    codes.append(sg_setopt_header(api, easy, curlWriteHeader, context))
    return codes.first { $0 != CURLE_OK } ?? CURLE_OK
  }

  private func finish(_ easy: UnsafeMutableRawPointer, code: CURLcode, message: String, chain: sg_chain)
    -> Result<HTTPResponse, any Error>
  {
    let api = library.api
    let timings = PhaseTimings(
      nameLookup: Self.phase(sg_getinfo_off(api, easy, CURLINFO_NAMELOOKUP_TIME_T)),
      connect: Self.phase(sg_getinfo_off(api, easy, CURLINFO_CONNECT_TIME_T)),
      tls: Self.phase(sg_getinfo_off(api, easy, CURLINFO_APPCONNECT_TIME_T)),
      firstByte: Self.phase(sg_getinfo_off(api, easy, CURLINFO_STARTTRANSFER_TIME_T)),
      total: .microseconds(sg_getinfo_off(api, easy, CURLINFO_TOTAL_TIME_T)))
    if let exceeded {
      return .failure(exceeded)
    }
    switch code {
    case CURLE_OK:
      break
    case CURLE_FILESIZE_EXCEEDED:
      return .failure(ResponseTooLarge(part: .body, limit: limits.body))
    case CURLE_OPERATION_TIMEDOUT:
      // libcurl counts a connection as made only after its TLS handshake, but knows the
      // local port as soon as TCP is up: a server that accepted and then stalled in TLS.
      let tcpUp = timings.connect != nil || sg_getinfo_long(api, easy, CURLINFO_LOCAL_PORT) > 0
      let connected: Bool? = request.options.proxy == nil ? tcpUp : nil
      return .failure(DeadlineExceeded(deadline: deadline, connected: connected, timings: timings))
    default:
      return .failure(
        CurlFailure(
          code: Int(code.rawValue), message: message,
          verifyResult: sg_getinfo_long(api, easy, CURLINFO_SSL_VERIFYRESULT),
          presented: Self.certificates(chain), osErrno: sg_getinfo_long(api, easy, CURLINFO_OS_ERRNO),
          proxyStatus: sg_getinfo_long(api, easy, CURLINFO_HTTP_CONNECTCODE), timings: timings))
    }
    let status = sg_getinfo_long(api, easy, CURLINFO_RESPONSE_CODE)
    return .success(
      HTTPResponse(
        status: status, headers: Self.headerFields(headerLines), body: body, elapsed: timings.total,
        timings: timings))
  }

  // MARK: Callbacks (transfer thread)

  fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard body.count + bytes.count <= limits.body else {
      exceeded = ResponseTooLarge(part: .body, limit: limits.body)
      return false
    }
    body.append(contentsOf: bytes)
    return true
  }

  fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
    headerBytes += bytes.count
    guard headerBytes <= limits.headers else {
      exceeded = ResponseTooLarge(part: .headers, limit: limits.headers)
      return false
    }
    // Byte-wise: Foundation's trimming builds an ICU character set on first use (about 0.3 ms).
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
    let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    if line.hasPrefix("HTTP/") {
      // A new response (after a 100 Continue): only the last one's headers count.
      headerLines = []
    } else if !line.isEmpty {
      headerLines.append(line)
    }
    return true
  }

  // MARK: Helpers

  /// Header lines as a dictionary; repeated names (Set-Cookie) are joined with ", ".
  static func headerFields(_ lines: [String]) -> [String: String] {
    var fields: [String: String] = [:]
    var canonical: [String: String] = [:]
    for line in lines {
      // By byte: the colon is ASCII, and a search by character would break graphemes.
      guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let name = trimmed(line[..<colon])
      let value = trimmed(line[line.utf8.index(after: colon)...])
      guard !name.isEmpty else { continue }
      let lower = name.lowercased()
      let key = canonical[lower] ?? name
      canonical[lower] = key
      fields[key] = fields[key].map { "\($0), \(value)" } ?? value
    }
    return fields
  }

  /// Text without the spaces and tabs around it (HTTP's optional whitespace), by byte: both
  /// are ASCII, so the cut always falls between characters.
  private static func trimmed(_ text: Substring) -> String {
    let bytes = text.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start != end, bytes[start] == 0x20 || bytes[start] == 0x09 { bytes.formIndex(after: &start) }
    while start != end {
      let before = bytes.index(before: end)
      guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
      end = before
    }
    return String(text[start..<end])
  }

  private static func certificates(_ chain: sg_chain) -> [PresentedCertificate] {
    var chain = chain
    let count = Int(max(0, min(chain.count, SG_CHAIN_MAX)))
    return withUnsafeBytes(of: &chain.certs) { raw in
      let certs = raw.bindMemory(to: sg_cert.self)
      return (0..<count).compactMap { index -> PresentedCertificate? in
        var cert = certs[index]
        guard cert.present != 0 else { return nil }
        let subject = PresentedCertificate.readableName(withUnsafeBytes(of: &cert.subject) { Self.text($0) })
        let issuer = PresentedCertificate.readableName(withUnsafeBytes(of: &cert.issuer) { Self.text($0) })
        return PresentedCertificate(
          subject: subject, issuer: issuer, notBefore: Self.date(cert.not_before),
          notAfter: Self.date(cert.not_after))
      }
    }
  }

  private static func text(_ raw: UnsafeRawBufferPointer) -> String {
    let bytes = raw.prefix { $0 != 0 }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func date(_ seconds: Int64) -> Date? {
    seconds == 0 ? nil : Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  private static func phase(_ microseconds: curl_off_t) -> Duration? {
    microseconds > 0 ? .microseconds(microseconds) : nil
  }

  private static func milliseconds(_ duration: Duration) -> Int64 {
    let parts = duration.components
    return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
  }
}

/// CURLOPT_WRITEFUNCTION: appends decoded body bytes, or stops at the limit (returning less
/// than was given makes libcurl end the transfer).
private let curlWriteBody: sg_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  let length = size * count
  return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// CURLOPT_HEADERFUNCTION: one header line at a time, counted against the header limit.
private let curlWriteHeader: sg_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  let length = size * count
  return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}
