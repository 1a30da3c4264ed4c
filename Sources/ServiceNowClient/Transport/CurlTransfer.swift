import CCurl
import Foundation

/// One request run by libcurl on a thread of its own, off Swift's cooperative pool.
///
/// The thread drives a private multi handle: `curl_multi_perform`, then `curl_multi_poll`,
/// which sleeps until a socket is ready, libcurl's next timer, or `cancel()` wakes it with
/// `curl_multi_wakeup`. So waiting costs no CPU and cancelling takes effect at once. The
/// continuation is resumed exactly once, from that thread.
final class CurlTransfer: @unchecked Sendable {
  private let library: CurlLibrary
  private let request: TransportRequest
  private let deadline: Duration
  private let limits: (headers: Int, body: Int)

  private let lock = NSLock()
  private var cancelled = false
  /// The running multi handle; only touched under `lock` outside the transfer thread.
  private var multi: UnsafeMutableRawPointer?

  // Written by libcurl's callbacks on the transfer thread only.
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

  /// Starts the transfer thread; it resumes `continuation` when the transfer ends.
  func start(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
    let thread = Thread { [self] in
      continuation.resume(with: run())
    }
    thread.name = "snowgate-curl"
    thread.stackSize = 512 * 1024
    thread.start()
  }

  /// Ends the transfer as soon as its thread wakes, which this makes happen now.
  func cancel() {
    lock.withLock {
      cancelled = true
      if let multi {
        _ = library.api.pointee.multi_wakeup(multi)
      }
    }
  }

  private var isCancelled: Bool { lock.withLock { cancelled } }

  // MARK: The transfer thread

  private func run() -> Result<HTTPResponse, any Error> {
    let api = library.api
    guard let easy = api.pointee.easy_init() else {
      return .failure(CurlFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed"))
    }
    defer { api.pointee.easy_cleanup(easy) }
    // libcurl writes its sentence here during the transfer, so the buffer must outlive every
    // call that may fail: allocated, not an array's temporary pointer.
    let errorSize = Int(CURL_ERROR_SIZE) + 1
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
    errorBuffer.initialize(repeating: 0, count: errorSize)
    defer { errorBuffer.deallocate() }
    let chain = UnsafeMutablePointer<sg_chain>.allocate(capacity: 1)
    chain.initialize(to: sg_chain())
    defer { chain.deallocate() }
    var headerList: UnsafeMutablePointer<curl_slist>?
    defer { api.pointee.slist_free_all(headerList) }

    let context = Unmanaged.passUnretained(self).toOpaque()
    let setupCode = configure(
      easy, errorBuffer: errorBuffer, chain: chain, context: context, headers: &headerList)
    if setupCode != CURLE_OK {
      return .failure(CurlFailure(code: Int(setupCode.rawValue), message: "libcurl refused an option"))
    }

    guard let multiHandle = api.pointee.multi_init() else {
      return .failure(CurlFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_multi_init failed"))
    }
    _ = api.pointee.multi_add_handle(multiHandle, easy)
    lock.withLock { multi = multiHandle }
    defer {
      lock.withLock { multi = nil }
      _ = api.pointee.multi_remove_handle(multiHandle, easy)
      _ = api.pointee.multi_cleanup(multiHandle)
    }

    var result = CURLE_OK
    while true {
      if isCancelled {
        return .failure(CancellationError())
      }
      var running: Int32 = 0
      let performed = api.pointee.multi_perform(multiHandle, &running)
      if performed != CURLM_OK {
        return .failure(
          CurlFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_multi_perform failed"))
      }
      if sg_multi_done(api, multiHandle, &result) != 0 {
        break
      }
      var ready: Int32 = 0
      _ = api.pointee.multi_poll(multiHandle, nil, 0, 1000, &ready)
    }
    if isCancelled {
      return .failure(CancellationError())
    }
    let message = String(cString: errorBuffer)
    return finish(easy, code: result, message: message, chain: chain.pointee)
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
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
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
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
      let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else { continue }
      let key = canonical[name.lowercased()] ?? name
      canonical[name.lowercased()] = key
      fields[key] = fields[key].map { "\($0), \(value)" } ?? value
    }
    return fields
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
