/// What a paste into a one-line field keeps: its first line, without the spaces around it.
///
/// Text copied from a browser, a mail or a PDF often brings a trailing space or newline, and a
/// client ID of `  snowgate-demo  ` is refused by the instance as access_denied, which sends
/// people looking in the wrong place. The note says what was left out, so nothing is dropped
/// silently; it never repeats the dropped text, which may be a secret.
public struct PastedLine: Equatable, Sendable {
  /// What goes into the field.
  public var text: String
  /// What was left out, for a line on the screen; nil when the paste was kept whole.
  public var note: String?

  public init(text: String, note: String?) {
    self.text = text
    self.note = note
  }

  /// Cleans `raw`: the first line that is not blank, without spaces around it and without
  /// control characters (a tab becomes a space).
  public init(_ raw: String) {
    var lines: [Substring] = raw.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }
    while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    var kept = ""
    for scalar in (lines.first ?? "").unicodeScalars {
      if scalar == "\t" {
        kept.unicodeScalars.append(" ")
      } else if scalar.value >= 32, scalar.value != 127, !(0x80..<0xA0).contains(scalar.value) {
        kept.unicodeScalars.append(scalar)
      }
    }
    let trimmed = kept.trimmingSpaces
    text = trimmed
    var notes: [String] = []
    if lines.count > 1 {
      let more = lines.count - 1
      notes.append(
        "Pasted the first line only; " + String(more) + (more == 1 ? " more line was" : " more lines were")
          + " left out.")
    }
    if trimmed != kept {
      notes.append("Left out the spaces around the pasted text.")
    }
    note = notes.isEmpty ? nil : notes.joined(separator: " ")
  }
}
