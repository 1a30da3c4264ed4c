import CCurl
import Platform
import Vocabulary

/// The process's one libcurl multi handle and the thread that drives every transfer on it: the
/// main thread under a command's `CommandLoop`, else a thread of its own.
///
/// One multi handle keeps libcurl's connection cache, DNS cache and TLS sessions for the whole
/// process, so the requests of a `check` reuse one connection (and one TLS handshake) to the
/// instance instead of opening a new one each, as curl does for several URLs. Transfers still
/// run side by side (no limit per host, so nothing queues behind another), each with its own
/// deadline from the moment it is added, which is when its request starts.
///
/// That thread sleeps in `curl_multi_poll` until a socket is ready, libcurl's next timer, or
/// `curl_multi_wakeup` from `submit`/`cancel`: waiting costs no CPU, and a cancelled
/// transfer is removed, and its caller resumed, at once. Off Swift's cooperative pool.
final class CurlEngine: @unchecked Sendable {
  /// Loads libcurl and makes the engine; called once, by `Loader`'s thread, which then drives it.
  private static func make() -> Result<CurlEngine, ServiceNowFailure> {
    CurlLibrary.shared.flatMap { library in
      guard let multi = library.api.pointee.multi_init() else {
        return .failure(ServiceNowFailure(.clientLibcurlMissing, detail: "curl_multi_init failed"))
      }
      return .success(CurlEngine(library: library, multi: multi))
    }
  }

  /// The process's one engine, awaited: a caller that comes while libcurl is still loading
  /// (~5–9 ms) is suspended and resumed when it is loaded. (A `static let` here would block a
  /// thread of the cooperative pool on its once, where the runtime's lock spins in the kernel
  /// while the loading thread runs: 0.8 ms of CPU per check in perf, and a pool thread held.)
  static func ready() async throws -> CurlEngine {
    try await Loader.one.engine().get()
  }

  /// Starts loading libcurl and the engine on a thread of its own, once; returns at once.
  static func loadInBackground() {
    Loader.one.begin()
  }

  /// The one engine once made, who is waiting for it, and whether it is being made.
  private final class Loader: @unchecked Sendable {
    static let one = Loader()
    private typealias Waiter = CheckedContinuation<Result<CurlEngine, ServiceNowFailure>, Never>
    private let lock = Lock()
    private var started = false
    private var result: Result<CurlEngine, ServiceNowFailure>?
    private var waiters: [Waiter] = []

    func begin() {
      let start = lock.withLock {
        defer { started = true }
        return !started
      }
      guard start else { return }
      // One thread loads libcurl and then drives the engine: a second thread for the loop
      // cost a clone, a stack and a context switch per check for nothing.
      DetachedThread.start(stackSize: 512 * 1024) { [self] in
        sg_name_thread("snowgate-load")
        let made = CurlEngine.make()
        let resumed = lock.withLock {
          result = made
          defer { waiters = [] }
          return waiters
        }
        guard case .success(let engine) = made else {
          for waiter in resumed { waiter.resume(returning: made) }
          return
        }
        // Under a command's loop, the main thread drives the engine between its jobs, as curl's
        // one thread does: no second thread to wake for every request and every answer (this
        // one ends here). Elsewhere (the wizard, the tests) this thread drives it.
        let adopted = CommandLoop.adopt(
          CommandLoop.Poller(turn: { engine.turn(waitingAtMost: $0) }, wake: { engine.wake() }))
        // Requests made while loading are handed over before the first turn takes them in.
        for waiter in resumed { waiter.resume(returning: made) }
        guard !adopted else { return }
        sg_name_thread("snowgate-curl")
        engine.run()
      }
    }

    func engine() async -> Result<CurlEngine, ServiceNowFailure> {
      if let made = lock.withLock({ result }) { return made }
      begin()
      return await withCheckedContinuation { (waiter: Waiter) in
        let made: Result<CurlEngine, ServiceNowFailure>? = lock.withLock {
          if let result { return result }
          waiters.append(waiter)
          return nil
        }
        if let made { waiter.resume(returning: made) }
      }
    }
  }

  let library: CurlLibrary
  /// Used by the thread that drives the engine (its own, or the main thread under a
  /// `CommandLoop`); other threads only call `curl_multi_wakeup` on it.
  private let multi: UnsafeMutableRawPointer

  private let lock = Lock()
  private var incoming: [CurlTransfer] = []
  private var leaving: [CurlTransfer] = []

  /// The transfers on the multi handle (engine thread only). A list, not a dictionary by easy
  /// handle: there are a few at a time (a few hundred for `check --all`), and a dictionary keyed
  /// by a new type costs a scan of the runtime's conformance table on first use.
  private var running: [(easy: UnsafeMutableRawPointer, transfer: CurlTransfer)] = []

  /// Takes the transfer of `easy` off the running list.
  private func removeRunning(_ easy: UnsafeMutableRawPointer) -> CurlTransfer? {
    guard let index = running.firstIndex(where: { $0.easy == easy }) else { return nil }
    return running.remove(at: index).transfer
  }

  private init(library: CurlLibrary, multi: UnsafeMutableRawPointer) {
    self.library = library
    self.multi = multi
  }

  /// Hands a prepared transfer to the engine, which starts it at its next turn (now, if it waits).
  func submit(_ transfer: CurlTransfer) {
    lock.withLock { incoming.append(transfer) }
    wake()
  }

  /// Ends the engine's wait in `curl_multi_poll` at once; from any thread.
  func wake() {
    _ = library.api.pointee.multi_wakeup(multi)
  }

  /// Ends a transfer at once: the engine thread removes it and resumes its caller.
  func cancel(_ transfer: CurlTransfer) {
    transfer.markCancelled()
    lock.withLock { leaving.append(transfer) }
    wake()
  }

  /// The engine's loop, on the thread that loaded libcurl; never returns.
  private func run() -> Never {
    while true { turn(waitingAtMost: 60_000) }
  }

  /// One turn of the loop: take in new and cancelled transfers, let libcurl work, hand back
  /// the finished ones, then sleep until there is something to do, `milliseconds` at most.
  private func turn(waitingAtMost milliseconds: Int32) {
    let api = library.api
    let (arriving, cancelled) = lock.withLock {
      defer {
        incoming = []
        leaving = []
      }
      return (incoming, leaving)
    }
    for transfer in arriving {
      guard let easy = transfer.easy, !transfer.isCancelled else {
        transfer.abandon(CancellationError())
        continue
      }
      if api.pointee.multi_add_handle(multi, easy) != CURLM_OK {
        transfer.abandon(
          CurlFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_multi_add_handle failed"))
        continue
      }
      running.append((easy, transfer))
    }
    for transfer in cancelled {
      // Not running: already finished, or never added (abandoned above).
      guard let easy = transfer.easy, removeRunning(easy) != nil else { continue }
      _ = api.pointee.multi_remove_handle(multi, easy)
      transfer.abandon(CancellationError())
    }
    var active: Int32 = 0
    _ = api.pointee.multi_perform(multi, &active)
    var easy: UnsafeMutableRawPointer?
    var code = CURLE_OK
    while sg_multi_next_done(api, multi, &easy, &code) != 0 {
      guard let done = easy else { continue }
      _ = api.pointee.multi_remove_handle(multi, done)
      removeRunning(done)?.complete(code)
    }
    var ready: Int32 = 0
    // Idle, the thread sleeps until woken; libcurl shortens the wait to its own next timer.
    _ = api.pointee.multi_poll(multi, nil, 0, min(milliseconds, running.isEmpty ? 60_000 : 1000), &ready)
  }
}
