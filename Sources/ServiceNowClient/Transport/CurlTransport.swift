import Platform
import Vocabulary

/// The real transport: libcurl's C API, every transfer on the process's one `CurlEngine`.
///
/// Each request gets a fresh easy handle and its own deadline, starting when that request
/// starts and covering connect to last byte; nothing is queued behind another request, and
/// requests to the same server reuse its open connection. While waiting, the engine's thread
/// sleeps in `curl_multi_poll` (no CPU), and cancelling the calling task ends the transfer at
/// once. Redirects are never followed, cookies never kept, and answers are cut off at
/// `maximumHeaderBytes` and `maximumBodyBytes` (after decoding).
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

  /// Starts loading libcurl (and the engine's thread) on a thread of its own and returns at
  /// once, for a command that will surely send a request: the ~5 ms of loading then overlap
  /// the command's own start (arguments, profiles) instead of delaying its first request.
  public static func loadInBackground() {
    CurlEngine.loadInBackground()
  }

  public func send(_ request: TransportRequest, deadline: Duration) async throws -> HTTPResponse {
    let engine = try await CurlEngine.ready()
    let library = engine.library
    try Task.checkCancellation()
    let transfer = CurlTransfer(
      library: library, request: request, deadline: deadline,
      limits: (headers: maximumHeaderBytes, body: maximumBodyBytes))
    if let refused = transfer.prepare() {
      transfer.abandon(refused)
      throw refused
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        transfer.wait(continuation)
        engine.submit(transfer)
      }
    } onCancel: {
      engine.cancel(transfer)
    }
  }
}
