/// How one cell looks, in terms every terminal can honour or ignore.
///
/// Colours are roles, not colours: the ncurses terminal maps them to colour pairs when the
/// terminal has colours and `NO_COLOR` is unset, and to attributes (or nothing) otherwise.
public struct CellStyle: Hashable, Sendable {
  /// What a colour means on screen; the terminal decides how to show it.
  public enum Role: UInt8, Hashable, Sendable, CaseIterable {
    case normal, accent, success, warning, error, muted
  }

  public var bold: Bool
  public var dim: Bool
  public var reverse: Bool
  public var underline: Bool
  public var role: Role

  public init(
    bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false,
    role: Role = .normal
  ) {
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
    self.role = role
  }

  public static let plain = CellStyle()
  public static let strong = CellStyle(bold: true)
  public static let muted = CellStyle(dim: true, role: .muted)
  public static let accent = CellStyle(role: .accent)
  public static let accentBold = CellStyle(bold: true, role: .accent)
  public static let success = CellStyle(role: .success)
  public static let warning = CellStyle(role: .warning)
  public static let error = CellStyle(role: .error)
  public static let errorBold = CellStyle(bold: true, role: .error)
  public static let selected = CellStyle(bold: true, reverse: true, role: .accent)
}
