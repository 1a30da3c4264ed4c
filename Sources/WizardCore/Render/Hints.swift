/// The footer hints the screens share.
enum Hints {
  static let move = KeyHint("↑↓", "Move")
  static let choose = KeyHint("Enter", "Choose")
  static let back = KeyHint("Esc", "Back")
  static let cancel = KeyHint("Esc", "Cancel")
  static let help = KeyHint("F1", "Help")
  static let quit = KeyHint("Ctrl-C", "Quit")
}
