/// Text that came from outside snowgate (a server's message, body or header, a command's
/// output, a file), made safe to print on a terminal.
///
/// A terminal obeys escape sequences wherever they appear, so a server that puts `ESC ] 0 ;`
/// into an error message can set the window title, `ESC ] 52` writes the clipboard, `ESC [ 2 J`
/// clears the screen and a carriage return hides what came before it. Every control character
/// (C0, DEL, C1) and every bidirectional override is shown as a visible stand-in instead: the
/// Unicode control pictures (`␛` for ESC) for C0 and DEL, `<U+009B>` for the others. Nothing is
/// dropped, so support staff still see that something odd was sent.
public struct UntrustedText: Sendable, Equatable, CustomStringConvertible {
  /// What was received, unchanged; never print it.
  public let raw: String

  public init(_ raw: String) {
    self.raw = raw
  }

  /// One line, every control character visible (newlines and tabs included).
  public var line: String {
    Self.visible(raw, keepingLineBreaks: false)
  }

  /// Several lines: line feeds and tabs kept, every other control character visible.
  public var lines: String {
    Self.visible(raw, keepingLineBreaks: true)
  }

  public var description: String { line }

  /// `text` with each control character replaced by its visible stand-in.
  public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if keepingLineBreaks, scalar == "\n" || scalar == "\t" {
        out.append(scalar)
      } else if isControl(scalar) {
        out.append(contentsOf: stand(in: scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether a terminal would act on `scalar` instead of showing it: C0, DEL, C1, the
  /// bidirectional embeddings, overrides and isolates, and the line and paragraph separators.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Whether `text` holds anything a terminal would act on.
  public static func containsControl(_ text: String) -> Bool {
    text.unicodeScalars.contains(where: isControl)
  }

  /// The visible stand-in of one control character: `␛` for ESC, `␤`-style pictures for C0,
  /// `␡` for DEL, `<U+XXXX>` for the rest.
  public static func stand(in scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00...0x1F: String(Unicode.Scalar(0x2400 + scalar.value)!)
    case 0x7F: "\u{2421}"
    default: "<U+" + hex(scalar.value) + ">"
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
