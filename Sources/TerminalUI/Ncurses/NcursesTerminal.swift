import CNcursesw
import Platform
import Vocabulary
import WizardCore

/// The real terminal, through ncursesw: paints Frames, reads keys, and restores on the way out.
///
/// The only type that calls ncurses. ncurses is global state and not thread-safe, so an
/// instance belongs to the thread that opened it (the main thread in the app): it is not
/// `Sendable`. Everything it draws comes from a `Frame`, so what the terminal shows is
/// exactly what the golden files show.
public final class NcursesTerminal {
  private var screen: OpaquePointer?
  private let api: UnsafePointer<sg_curses_api>
  private let input: UnsafeMutablePointer<FILE>
  private let output: UnsafeMutablePointer<FILE>
  private let hasColor: Bool
  private var cursorVisibility: Int32 = -1
  private var buffer: [wchar_t] = []

  /// Colour pairs by role; pair 0 is the terminal's default colours.
  private static let pairs: [CellStyle.Role: Int16] = [
    .accent: 1, .success: 2, .warning: 3, .error: 4, .muted: 5,
  ]

  /// Opens the terminal on stdin/stdout, or nil when it cannot be driven full-screen.
  ///
  /// Nil when stdin or stdout is not a terminal (ncurses would read end-of-file as an endless
  /// stream of timeouts), for `TERM=dumb`, and when ncurses knows neither `$TERM` nor
  /// `xterm-256color`; the caller then explains or falls back to `PlainTerminal`. Installs
  /// `TerminalRestorer` first, so that every way out restores the terminal.
  public static func open(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> NcursesTerminal?
  {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
    if environment["TERM"] == "dumb" { return nil }
    guard CursesLibrary.shared.api != nil else { return nil }
    prepareLocale()
    TerminalRestorer.shared.install()
    let color = (environment["NO_COLOR"] ?? "").isEmpty
    if let terminal = NcursesTerminal(
      terminalType: nil, output: sg_stdout(), input: sg_stdin(), color: color)
    {
      return terminal
    }
    // An unknown $TERM (a new terminal, a container without its terminfo): xterm is close enough.
    return NcursesTerminal(
      terminalType: "xterm-256color", output: sg_stdout(), input: sg_stdin(), color: color)
  }

  /// Why the full screen cannot be opened at all: ncursesw could not be loaded (nil when it was).
  public static var unavailableReason: String? {
    CursesLibrary.shared.api == nil ? CursesLibrary.shared.reason : nil
  }

  /// Uses the user's locale, and UTF-8 when that locale cannot encode wide characters.
  ///
  /// Under `LANG=C` ncursesw draws every non-ASCII character as `~X` escapes; box lines,
  /// bullets and ✓ would all break, and every terminal snowgate targets speaks UTF-8.
  public static func prepareLocale() {
    setlocale(LC_ALL, "")
    if let codeset = sg_codeset(), String(cString: codeset) == "UTF-8" { return }
    if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.utf8") }
  }

  /// Starts ncurses on the given streams; nil when ncurses does not know the terminal type.
  init?(
    terminalType: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
    color: Bool
  ) {
    guard let api = CursesLibrary.shared.api else { return nil }
    let screen: OpaquePointer? =
      if let terminalType {
        terminalType.withCString { sg_newterm(api, $0, output, input) }
      } else {
        sg_newterm(api, nil, output, input)
      }
    guard let screen else { return nil }
    self.screen = screen
    self.api = api
    self.input = input
    self.output = output
    sg_set_term(api, screen)
    sg_raw(api)  // Ctrl-C, Ctrl-S and Ctrl-Q arrive as keys, not as signals or flow control
    sg_noecho(api)
    sg_nonl(api)
    let window = sg_stdscr(api)
    sg_keypad(api, window, true)
    sg_set_escdelay(api, 25)
    var colorReady = false
    if color, sg_has_colors(api) {
      sg_start_color(api)
      let background: Int16 = sg_use_default_colors(api) == sg_OK ? -1 : Int16(COLOR_BLACK)
      sg_init_pair(api, 1, Int16(COLOR_CYAN), background)
      sg_init_pair(api, 2, Int16(COLOR_GREEN), background)
      sg_init_pair(api, 3, Int16(COLOR_YELLOW), background)
      sg_init_pair(api, 4, Int16(COLOR_RED), background)
      // Bright black is a calm grey where there are 16 colours; plain dim text elsewhere.
      sg_init_pair(api, 5, sg_colors(api) >= 16 ? 8 : Int16(COLOR_WHITE), background)
      colorReady = true
    }
    hasColor = colorReady
    setCursorVisibility(0)
    // Bracketed paste: the terminal marks a paste, so it arrives as one block, not as keys.
    fputs(Self.bracketedPasteOn, output)
    fflush(output)
    let library = CursesLibrary.shared  // Sendable, where the bare table pointer is not
    TerminalRestorer.shared.setAction {
      if let api = library.api { sg_endwin(api) }
      fputs(NcursesTerminal.bracketedPasteOff, sg_stdout())
      fflush(sg_stdout())
    }
  }

  deinit {
    restore()
  }

  static let bracketedPasteOn = "\u{1B}[?2004h"
  static let bracketedPasteOff = "\u{1B}[?2004l"

  /// Whether roles are drawn as colours (false on monochrome terminals and with `NO_COLOR`).
  public var usesColor: Bool { hasColor }

  /// The terminal's size in columns and rows.
  public var size: (width: Int, height: Int) {
    guard screen != nil else { return (0, 0) }
    let window = sg_stdscr(api)
    return (Int(sg_getmaxx(api, window)), Int(sg_getmaxy(api, window)))
  }

  /// Copies a frame to the screen and places (or hides) the cursor.
  ///
  /// Cells are sent as runs of one style, as wide strings built from unicode scalars, so a
  /// wide character covers its two columns and ncurses only sends what changed.
  public func draw(_ frame: Frame) {
    guard screen != nil else { return }
    paint(frame)
    if let cursor = frame.cursor {
      sg_wmove(api, sg_stdscr(api), Int32(cursor.y), Int32(cursor.x))
      setCursorVisibility(1)
    } else {
      setCursorVisibility(0)
    }
    sg_wrefresh(api, sg_stdscr(api))
  }

  /// Writes the frame's cells into ncurses' window without refreshing the real screen.
  func paint(_ frame: Frame) {
    let window = sg_stdscr(api)
    let columns = Int(sg_getmaxx(api, window))
    let rows = Int(sg_getmaxy(api, window))
    if frame.width < columns || frame.height < rows { sg_werase(api, window) }
    let width = min(frame.width, columns)
    let height = min(frame.height, rows)
    let cells = frame.storage
    buffer.reserveCapacity(frame.width + 1)
    for y in 0..<height {
      let row = y * frame.width
      var x = 0
      while x < width {
        let style = cells[row + x].style
        let start = x
        buffer.removeAll(keepingCapacity: true)
        while x < width, cells[row + x].style == style {
          let cell = cells[row + x]
          if cell.width == 2, x + 1 >= width {
            buffer.append(32)  // half a wide character does not fit: leave a blank
          } else if cell.width != 0 {
            buffer.append(wchar_t(cell.scalar.value))
            if cell.cluster >= 0 {
              for scalar in frame.clusters[Int(cell.cluster)] { buffer.append(wchar_t(scalar.value)) }
            }
          }
          x += 1
        }
        guard !buffer.isEmpty else { continue }
        buffer.append(0)
        let (attributes, pair) = self.attributes(for: style)
        sg_wattr_set(api, window, attributes, pair)
        _ = buffer.withUnsafeBufferPointer {
          sg_mvwaddwstr(api, window, Int32(y), Int32(start), $0.baseAddress)
        }
      }
    }
    sg_wattr_set(api, window, sg_A_NORMAL, 0)
  }

  /// ncurses attributes and colour pair for a style: colours when available, else emphasis.
  func attributes(for style: CellStyle) -> (attr_t, Int16) {
    var attributes = sg_A_NORMAL
    if style.bold { attributes |= sg_A_BOLD }
    if style.dim { attributes |= sg_A_DIM }
    if style.reverse { attributes |= sg_A_REVERSE }
    if style.underline { attributes |= sg_A_UNDERLINE }
    if hasColor {
      return (attributes, Self.pairs[style.role] ?? 0)
    }
    switch style.role {
    case .accent, .warning, .error: attributes |= sg_A_BOLD
    case .muted: attributes |= sg_A_DIM
    case .normal, .success: break
    }
    return (attributes, 0)
  }

  /// Waits up to `timeoutMilliseconds` for input; nil on timeout or input the wizard ignores.
  ///
  /// Use a short timeout (about 100 ms) while work is in progress so spinner ticks keep
  /// coming, and a negative one to wait without limit.
  public func readKey(timeoutMilliseconds: Int) -> TerminalInput? {
    guard screen != nil else { return nil }
    let window = sg_stdscr(api)
    sg_wtimeout(api, window, Int32(clamping: timeoutMilliseconds))
    var code: wint_t = 0
    let status = sg_wget_wch(api, window, &code)
    if status == sg_KEY_CODE_YES {
      if Int32(code) == sg_KEY_RESIZE {
        let size = self.size
        return .resize(width: size.width, height: size.height)
      }
      return functionKey(Int32(code)).map(TerminalInput.key)
    }
    guard status == sg_OK else { return nil }
    if code == 27 { return afterEscape().map(TerminalInput.key) }
    return KeyDecoder.character(UInt32(code)).map(TerminalInput.key)
  }

  /// How long to wait after ESC for the rest of an Alt+key or a control sequence, in ms.
  static let escapeDelay: Int32 = 25
  /// The most of one paste that is kept, in characters; the rest is read and dropped.
  static let maximumPaste = 65_536
  /// How long a paste may pause before it is taken as ended, in ms (a lost end marker).
  static let pastePause: Int32 = 1_000

  private func functionKey(_ code: Int32) -> Key? {
    if let key = KeyDecoder.functionKey(code) { return key }
    guard let name = sg_keyname(api, code) else { return nil }
    return KeyDecoder.namedKey(String(cString: name))
  }

  /// After ESC: nothing within the escape delay is Esc; a key is that key with Alt; `[` starts
  /// a control sequence, which may be the start of a bracketed paste.
  private func afterEscape() -> Key? {
    let window = sg_stdscr(api)
    sg_wtimeout(api, window, Self.escapeDelay)
    var code: wint_t = 0
    let status = sg_wget_wch(api, window, &code)
    if status == sg_KEY_CODE_YES {
      // Alt with an arrow that ncurses decoded: a word move; other Alt+function keys are dropped.
      switch functionKey(Int32(code)) {
      case .left: return .wordLeft
      case .right: return .wordRight
      case .backspace: return .deleteWordBackward
      default: return nil
      }
    }
    guard status == sg_OK else { return .escape }
    if code == 27 {
      // Esc pressed twice quickly: two Escs.
      sg_unget_wch(api, wchar_t(27))
      return .escape
    }
    if code == 0x4F {
      // ESC O x: a cursor key in application mode that ncurses' terminfo did not name.
      guard sg_wget_wch(api, window, &code) == sg_OK else { return nil }
      return KeyDecoder.applicationKey(UInt32(code))
    }
    guard code == 0x5B else { return KeyDecoder.alt(UInt32(code)) }
    var body = ""
    while body.unicodeScalars.count < 16 {
      guard sg_wget_wch(api, window, &code) == sg_OK, let scalar = Unicode.Scalar(UInt32(code)) else {
        return nil
      }
      body.unicodeScalars.append(scalar)
      if (0x40...0x7E).contains(scalar.value) { break }
    }
    if body == KeyDecoder.pasteStart { return readPaste() }
    return KeyDecoder.controlSequence(body)
  }

  /// Reads a bracketed paste up to its end marker, as one key.
  private func readPaste() -> Key {
    let window = sg_stdscr(api)
    sg_wtimeout(api, window, Self.pastePause)
    var scalars: [Unicode.Scalar] = []
    var tail: [Unicode.Scalar] = []
    let marker = KeyDecoder.pasteEnd
    var code: wint_t = 0
    while true {
      let status = sg_wget_wch(api, window, &code)
      if status == sg_KEY_CODE_YES {
        // A key ncurses decoded inside the paste (an ESC sequence in the text): a line ends there.
        if Int32(code) == sg_KEY_ENTER { tail.append("\n") }
        continue
      }
      guard status == sg_OK, let scalar = Unicode.Scalar(UInt32(code)) else { break }
      tail.append(scalar)
      if tail.count == marker.count, tail == marker { break }
      // Keep the tail only while it can still become the end marker.
      while !tail.isEmpty, !marker.starts(with: tail) {
        if scalars.count < Self.maximumPaste { scalars.append(tail[0]) }
        tail.removeFirst()
      }
    }
    if tail != marker {
      for scalar in tail where scalars.count < Self.maximumPaste { scalars.append(scalar) }
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return .paste(Secret(text))
  }

  /// Leaves full-screen for a moment, prints `text` on the ordinary screen (where a terminal
  /// copies a long line whole), waits for Enter, and comes back; the caller draws again.
  ///
  /// ncurses' own suspend: `def_prog_mode` + `endwin`, then `reset_prog_mode` + a full refresh.
  public func showPlainText(_ text: String) {
    guard screen != nil else { return }
    sg_def_prog_mode(api)
    sg_endwin(api)
    let page = Self.bracketedPasteOff + "\n" + text + "\n\nPress Enter to go back to snowgate.\n"
    fputs(page, sg_stdout())
    fflush(sg_stdout())
    var byte: UInt8 = 0
    while read(STDIN_FILENO, &byte, 1) == 1, byte != 10, byte != 13 {}
    sg_reset_prog_mode(api)
    fputs(Self.bracketedPasteOn, sg_stdout())
    sg_clearok(api, sg_stdscr(api), true)
    sg_refresh(api)
  }

  /// Ends ncurses and gives the terminal back as it was; safe to call more than once.
  public func restore() {
    guard let screen else { return }
    TerminalRestorer.shared.setAction(nil)
    setCursorVisibility(1)
    sg_endwin(api)
    fputs(Self.bracketedPasteOff, output)
    fflush(output)
    sg_delscreen(api, screen)
    self.screen = nil
  }

  private func setCursorVisibility(_ visibility: Int32) {
    guard visibility != cursorVisibility else { return }
    cursorVisibility = visibility
    sg_curs_set(api, visibility)
  }

  // MARK: - For tests: paint without a terminal

  /// Sets ncurses' idea of the size, for a terminal opened on a file.
  func resizeForTesting(width: Int, height: Int) {
    sg_resize_term(api, Int32(height), Int32(width))
  }

  /// What ncurses holds for one cell: its characters and attributes.
  func cellForTesting(x: Int, y: Int) -> (text: String, attributes: attr_t, pair: Int16) {
    var cell = cchar_t()
    sg_mvwin_wch(api, sg_stdscr(api), Int32(y), Int32(x), &cell)
    var characters = [wchar_t](repeating: 0, count: 8)
    var attributes: attr_t = 0
    var pair: Int16 = 0
    sg_getcchar(api, &cell, &characters, &attributes, &pair)
    var text = ""
    for code in characters {
      if code == 0 { break }
      if let scalar = Unicode.Scalar(UInt32(bitPattern: code)) { text.unicodeScalars.append(scalar) }
    }
    return (text, attributes, pair)
  }
}
