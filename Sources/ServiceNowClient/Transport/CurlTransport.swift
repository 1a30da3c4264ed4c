/// The real transport: libcurl's C API, one transfer per request on its own thread.
///
/// Each request gets a fresh easy handle and its own deadline, starting when that request
/// starts and covering connect to last byte; nothing is queued behind another request. While
/// waiting, the thread sleeps in `curl_multi_poll` (no CPU), and cancelling the calling task
/// wakes it and ends the transfer at once. Redirects are never followed, cookies never kept,
/// and answers are cut off at `maximumHeaderBytes` and `maximumBodyBytes` (after decoding).
public final class CurlTransport: Transport, Sendable {
  /// The transport every client uses unless given another.
  public static let shared = CurlTransport()

  /// Headers larger than this end the transfer with `ResponseTooLarge`.
  public let maximumHeaderBytes: Int
  /// Decoded bodies larger than this end the transfer with `ResponseTooLarge`.
  public let maximumBodyBytes: Int

  public init(maximumHeaderBytes: Int = 64 * 1024, maximumBodyBytes: Int = 4 * 1024 * 1024) {
    self.maximumHeaderBytes = maximumHeaderBytes
    self.maximumBodyBytes = maximumBodyBytes
  }

  public func send(_ request: TransportRequest, deadline: Duration) async throws -> HTTPResponse {
    let library = try CurlLibrary.shared.get()
    try Task.checkCancellation()
    let transfer = CurlTransfer(
      library: library, request: request, deadline: deadline,
      limits: (headers: maximumHeaderBytes, body: maximumBodyBytes))
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        transfer.start(continuation)
      }
    } onCancel: {
      transfer.cancel()
    }
  }
}
