import CNcursesw

/// ncursesw, loaded the first time a full screen is opened (`Sources/CNcursesw/shim.h`).
///
/// Not linked: every other command (check, token, api, --help, profiles) would pay for loading
/// it and libtinfo at start-up, about 0.16 ms of CPU each run. Loaded once per process; when
/// it cannot be, `reason` says why, for a person.
struct CursesLibrary: @unchecked Sendable {
  /// The function table the shim resolved; never freed (it lives as long as the process).
  let api: UnsafePointer<sg_curses_api>?
  /// Why it could not be loaded; empty when it was.
  let reason: String

  static let shared: CursesLibrary = {
    var reason = [CChar](repeating: 0, count: 512)
    let api = sg_curses_load(&reason, reason.count)
    let text = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return CursesLibrary(api: api, reason: api == nil ? String(text.prefix(300)) : "")
  }()
}
