import Platform

/// The two times the app reads: the wall clock (token expiry, file names) and a monotonic one
/// (the wizard's spinners and countdowns), carried by `AppEnvironment` so a test can fix them.
struct AppClock: Sendable {
  /// The date now, for what is compared with a server's or a file's dates.
  var now: @Sendable () -> Date
  /// Time since some fixed origin that never goes back, for elapsed seconds on screen.
  var uptime: @Sendable () -> Duration

  /// The system's clocks.
  static var system: AppClock {
    let clock = ContinuousClock()
    let origin = clock.now
    return AppClock(now: { Date() }, uptime: { clock.now - origin })
  }
}
