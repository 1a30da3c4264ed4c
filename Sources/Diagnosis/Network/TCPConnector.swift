import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  public static func connect(to addresses: [ResolvedAddress], timeout: Double) async -> TCPConnectOutcome {
    let flag = CancelFlag()
    return await withTaskCancellationHandler {
      await Deadline.onThread { connectBlocking(to: addresses, timeout: timeout, cancel: flag) }
    } onCancel: {
      flag.cancel()
    }
  }

  static func connectBlocking(
    to addresses: [ResolvedAddress], timeout: Double, cancel: CancelFlag = CancelFlag()
  ) -> TCPConnectOutcome {
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start + .milliseconds(Int64(max(0, timeout) * 1000))
    var results = [ConnectAttempt?](repeating: nil, count: addresses.count)
    var sockets = [Int32](repeating: -1, count: addresses.count)
    defer { for fd in sockets where fd >= 0 { close(fd) } }

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

    while !results.contains(.connected) {
      let pending = results.indices.filter { results[$0] == nil }
      if pending.isEmpty { break }
      let remaining = clock.now.duration(to: deadline)
      let milliseconds = Int32(clamping: remaining.wholeMilliseconds)
      if milliseconds <= 0 || cancel.isCancelled { break }
      var fds = pending.map { pollfd(fd: sockets[$0], events: Int16(POLLOUT), revents: 0) }
      // Slices of 100 ms so a cancelled run does not hold its thread until the deadline.
      let ready = poll(&fds, nfds_t(fds.count), min(milliseconds, 100))
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for (slot, index) in pending.enumerated() where fds[slot].revents != 0 {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(sockets[index], SOL_SOCKET, SO_ERROR, &error, &length)
        results[index] = error == 0 ? .connected : failure(error)
      }
    }
    let anyConnected = results.contains(.connected)
    let attempts = addresses.indices.map { index in
      AddressAttempt(
        address: addresses[index], attempt: results[index] ?? (anyConnected ? .abandoned : .timedOut))
    }
    return TCPConnectOutcome(
      attempts: attempts, elapsedMilliseconds: start.duration(to: clock.now).wholeMilliseconds)
  }

  static func failure(_ code: Int32) -> ConnectAttempt {
    switch code {
    case ECONNREFUSED: return .refused
    case ETIMEDOUT: return .timedOut
    default: return .failed(errno: code, text: String(cString: strerror(code)))
    }
  }
}
