import CNcursesw
import WizardCore

/// Turns what `wget_wch` returned into a wizard `Key`, or nil for input the wizard ignores.
///
/// Kept apart from `NcursesTerminal` so every mapping is tested without a terminal. The
/// terminal runs in raw mode, so Ctrl-C, Ctrl-R and Ctrl-U arrive here as control characters;
/// the editing keys are readline's.
enum KeyDecoder {
  /// What follows `ESC [` when a bracketed paste starts, and when it ends.
  static let pasteStart = "200~"
  static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

  /// A key code from `wget_wch` that returned `KEY_CODE_YES`.
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case sg_KEY_UP: .up
    case sg_KEY_DOWN: .down
    case sg_KEY_LEFT: .left
    case sg_KEY_RIGHT: .right
    case sg_KEY_HOME: .home
    case sg_KEY_END: .end
    case sg_KEY_BACKSPACE: .backspace
    case sg_KEY_DC: .delete
    case sg_KEY_BTAB: .backTab
    case sg_KEY_ENTER: .enter
    case sg_KEY_NPAGE: .pageDown
    case sg_KEY_PPAGE: .pageUp
    case sg_KEY_F1: .help
    default: nil
    }
  }

  /// A key ncurses knows only by its terminfo name (the modified arrows have no fixed code):
  /// Ctrl-← and Alt-← (`kLFT5`, `kLFT3`) move a word left, the same with → a word right.
  static func namedKey(_ name: String) -> Key? {
    switch name {
    case "kLFT3", "kLFT5": .wordLeft
    case "kRIT3", "kRIT5": .wordRight
    default: nil
    }
  }

  /// A character from `wget_wch` that returned `OK`.
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 1: return .home  // Ctrl-A
    case 3: return .interrupt  // Ctrl-C
    case 5: return .end  // Ctrl-E
    case 8, 127: return .backspace
    case 9: return .tab
    case 10, 13: return .enter
    case 11: return .deleteToEnd  // Ctrl-K
    case 18: return .toggleReveal  // Ctrl-R
    case 21: return .deleteToStart  // Ctrl-U
    case 23: return .deleteWordBackward  // Ctrl-W
    case 27: return .escape  // a lone ESC; Alt+x arrives as ESC and then x (see `alt`)
    case 0..<32, 128..<160: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// A character that came within the escape delay after ESC: the key was pressed with Alt.
  ///
  /// Alt-B and Alt-F move a word, Alt-Backspace deletes one. Any other Alt+key does nothing:
  /// it must never read as Esc, which would leave the screen.
  static func alt(_ code: UInt32) -> Key? {
    switch code {
    case 0x62, 0x42: .wordLeft  // b, B
    case 0x66, 0x46: .wordRight  // f, F
    case 8, 127: .deleteWordBackward
    default: nil
    }
  }

  /// The final byte of `ESC O x`, the cursor keys of a terminal in application mode.
  static func applicationKey(_ code: UInt32) -> Key? {
    switch code {
    case 0x41: .up  // A
    case 0x42: .down  // B
    case 0x43: .right  // C
    case 0x44: .left  // D
    case 0x48: .home  // H
    case 0x46: .end  // F
    case 0x50: .help  // P: F1
    default: nil
    }
  }

  /// A control sequence `ESC [ body` that ncurses did not decode itself (`body` ends with its
  /// final byte): the modified arrows as xterm sends them, and the plain keys as a fallback.
  static func controlSequence(_ body: String) -> Key? {
    switch body {
    case "1;5D", "1;3D", "5D": .wordLeft
    case "1;5C", "1;3C", "5C": .wordRight
    case "A": .up
    case "B": .down
    case "C": .right
    case "D": .left
    case "H", "1~", "7~": .home
    case "F", "4~", "8~": .end
    case "3~": .delete
    case "5~": .pageUp
    case "6~": .pageDown
    case "Z": .backTab
    default: nil
    }
  }
}
