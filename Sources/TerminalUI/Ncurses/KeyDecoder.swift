import CNcursesw
import WizardCore

/// Turns what `wget_wch` returned into a wizard `Key`, or nil for input the wizard ignores.
///
/// Kept apart from `NcursesTerminal` so every mapping is tested without a terminal. The
/// terminal runs in raw mode, so Ctrl-C, Ctrl-R and Ctrl-U arrive here as control characters.
enum KeyDecoder {
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

  /// A character from `wget_wch` that returned `OK`.
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 1: return .home  // Ctrl-A, as in a shell
    case 3: return .interrupt  // Ctrl-C
    case 5: return .end  // Ctrl-E
    case 8, 127: return .backspace
    case 9: return .tab
    case 10, 13: return .enter
    case 18: return .toggleReveal  // Ctrl-R
    case 21: return .clearField  // Ctrl-U
    case 27: return .escape  // a lone ESC; Alt+x arrives as ESC and then x
    case 0..<32, 128..<160: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }
}
