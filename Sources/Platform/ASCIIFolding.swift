/// What ICU's case-insensitive matching (`(?i)`, Unicode's full case folding) reads as ASCII
/// letters: the non-ASCII scalars whose folding is ASCII letters only. Unicode's CaseFolding.txt
/// has these eleven (Python's `str.casefold` over every scalar finds the same), so `paßword` is
/// a `password` key to ICU, and `acceſſ_token` an `access_token` one.
///
/// The rules that once ran on `NSRegularExpression` (ICU) read keys this way still: the token
/// shapes' scanners fold the text with it, and the bundle scrubber builds its patterns from it.
public enum ASCIIFolding {
  /// Each scalar with the lower-case ASCII letters it folds to.
  public static let foldings: [(scalar: Unicode.Scalar, letters: [Unicode.Scalar])] = [
    ("\u{00DF}", ["s", "s"]),  // LATIN SMALL LETTER SHARP S
    ("\u{017F}", ["s"]),  // LATIN SMALL LETTER LONG S
    ("\u{1E9E}", ["s", "s"]),  // LATIN CAPITAL LETTER SHARP S
    ("\u{212A}", ["k"]),  // KELVIN SIGN
    ("\u{FB00}", ["f", "f"]),
    ("\u{FB01}", ["f", "i"]),
    ("\u{FB02}", ["f", "l"]),
    ("\u{FB03}", ["f", "f", "i"]),
    ("\u{FB04}", ["f", "f", "l"]),
    ("\u{FB05}", ["s", "t"]),
    ("\u{FB06}", ["s", "t"]),
  ]

  /// An ASCII capital as its small letter; any other scalar as itself.
  public static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
  }

  /// The letters `scalar` folds to when it is one of `foldings`; nil for any other scalar.
  public static func letters(of scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
    guard !scalar.isASCII else { return nil }
    return foldings.first { $0.scalar == scalar }?.letters
  }
}
