import Platform

/// Opens TCP connections with a real deadline, to every resolved address at once.
///
/// A blocking connect() waits for the kernel's own timeout (about two minutes on Linux) on a
/// host that drops packets; a non-blocking connect() and poll() stop at our deadline instead.
/// All addresses are tried in parallel so an unreachable IPv6 address cannot eat the whole
/// deadline of a working IPv4 one. The socket is closed at once: this only proves the port
/// is reachable.
public enum TCPConnector {
  /// Connects to `addresses` and reports each attempt; never waits longer than `timeout`.
  /// Cancelling the calling task ends the wait within a tenth of a second.
  ///
  /// The connects start here and are looked at once without waiting: when the kernel has
  /// already settled them (a local or very near server), no thread is made. Only a pending
  /// connect moves the wait to a thread of its own.
  public static func connect(to addresses: [ResolvedAddress], timeout: Double) async -> TCPConnectOutcome {
    let attempts = Attempts(addresses, timeout: timeout)
    attempts.look(waitingAtMost: 0)
    if attempts.isSettled { return attempts.outcome() }
    let flag = CancelFlag()
    return await withTaskCancellationHandler {
      await Deadline.onThread {
        attempts.wait(cancel: flag)
        return attempts.outcome()
      }
    } onCancel: {
      flag.cancel()
    }
  }

  static func connectBlocking(
    to addresses: [ResolvedAddress], timeout: Double, cancel: CancelFlag = CancelFlag()
  ) -> TCPConnectOutcome {
    let attempts = Attempts(addresses, timeout: timeout)
    attempts.wait(cancel: cancel)
    return attempts.outcome()
  }

  /// The non-blocking sockets of one `connect`, each with its result once known. Used by one
  /// thread at a time (the caller, then the waiting thread), never by two at once.
  final class Attempts: @unchecked Sendable {
    let addresses: [ResolvedAddress]
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let deadline: ContinuousClock.Instant
    private var results: [ConnectAttempt?]
    private var sockets: [Int32]

    /// Opens a socket per address and starts its connect.
    init(_ addresses: [ResolvedAddress], timeout: Double) {
      self.addresses = addresses
      start = clock.now
      deadline = start + .milliseconds(Int64(max(0, timeout) * 1000))
      results = [ConnectAttempt?](repeating: nil, count: addresses.count)
      sockets = [Int32](repeating: -1, count: addresses.count)
      for (index, address) in addresses.enumerated() {
        let fd = SocketCall.tcpSocket(family: address.family)
        guard fd >= 0 else {
          results[index] = failure(errno)
          continue
        }
        sockets[index] = fd
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let status = SocketCall.connect(fd, to: address.socketAddress)
        if status == 0 {
          results[index] = .connected
        } else if errno != EINPROGRESS {
          results[index] = failure(errno)
        }
      }
    }

    deinit {
      for fd in sockets where fd >= 0 { close(fd) }
    }

    /// Whether one address connected or every attempt has its result.
    var isSettled: Bool {
      results.contains(.connected) || !results.contains(nil)
    }

    /// Records the attempts that settled within `milliseconds`; false if poll failed.
    @discardableResult
    func look(waitingAtMost milliseconds: Int32) -> Bool {
      let pending = results.indices.filter { results[$0] == nil }
      guard !pending.isEmpty else { return true }
      var fds = pending.map { pollfd(fd: sockets[$0], events: Int16(POLLOUT), revents: 0) }
      let ready = poll(&fds, nfds_t(fds.count), milliseconds)
      if ready < 0 { return errno == EINTR }
      for (slot, index) in pending.enumerated() where fds[slot].revents != 0 {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(sockets[index], SOL_SOCKET, SO_ERROR, &error, &length)
        results[index] = error == 0 ? .connected : failure(error)
      }
      return true
    }

    /// Waits until settled, the deadline, or `cancel`.
    func wait(cancel: CancelFlag) {
      while !isSettled {
        let remaining = clock.now.duration(to: deadline)
        let milliseconds = Int32(clamping: remaining.wholeMilliseconds)
        if milliseconds <= 0 || cancel.isCancelled { break }
        // Slices of 100 ms so a cancelled run does not hold its thread until the deadline.
        guard look(waitingAtMost: min(milliseconds, 100)) else { break }
      }
    }

    /// Each address's fate: still pending ones were abandoned (another connected) or timed out.
    func outcome() -> TCPConnectOutcome {
      let anyConnected = results.contains(.connected)
      let attempts = addresses.indices.map { index in
        AddressAttempt(
          address: addresses[index], attempt: results[index] ?? (anyConnected ? .abandoned : .timedOut))
      }
      return TCPConnectOutcome(
        attempts: attempts, elapsedMilliseconds: start.duration(to: clock.now).wholeMilliseconds)
    }
  }

  static func failure(_ code: Int32) -> ConnectAttempt {
    switch code {
    case ECONNREFUSED: return .refused
    case ETIMEDOUT: return .timedOut
    default: return .failed(errno: code, text: String(cString: strerror(code)))
    }
  }
}
