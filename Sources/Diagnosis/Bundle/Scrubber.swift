import Platform
import Vocabulary

/// A last line of defence before text leaves the machine in a bundle: masks anything shaped
/// like a credential, even though the client's log is already redacted. Applied to the exchange
/// log and the verdict, not to the curl commands, whose `$VARIABLE` references must survive.
///
/// The rules were written for Foundation's regular expressions (ICU) and give the same results
/// with Swift's `Regex`: patterns match Unicode scalars, not characters; the word boundary
/// (`\b`) is checked here as ICU checks it (see `startsWord`); and `(?i)` also accepts what
/// ICU's case folding reads as the letters of the keywords (see `foldingLikeICU`).
enum Scrubber {
  /// The client's mask, so the bundle says what --verbose and the log say.
  static let mask = Secret.mask

  /// One rule: a match becomes its first group followed by `suffix`, as the template `$1…` did.
  /// (`Regex` is not marked Sendable, but a built one is never changed, so rules can be shared.)
  struct Rule: @unchecked Sendable {
    /// The pattern, without a leading `\b` (Swift's `\b` on scalars differs from ICU's).
    let regex: Regex<AnyRegexOutput>
    let suffix: String
    /// Whether a match must begin a word: the pattern was `\b…`.
    let atWordStart: Bool

    init(_ pattern: String, _ suffix: String, atWordStart: Bool = false) {
      regex = try! Regex(Scrubber.foldingLikeICU(pattern)).matchingSemantics(.unicodeScalar)
      self.suffix = suffix
      self.atWordStart = atWordStart
    }
  }

  static let rules: [Rule] = [
    Rule(#"(?i)(authorization:[ \t]*(?:basic[ \t]+|bearer[ \t]+)?)[^\s"]+"#, mask),
    Rule(#"(?i)((?:set-)?cookie:[ \t]*|x-usertoken:[ \t]*)[^\r\n]+"#, mask),
    Rule(
      #"(?i)((?:password|client_secret|refresh_token|access_token|code_verifier|code)=)[^&\s"']+"#, mask,
      atWordStart: true),
    Rule(#"(?i)("(?:password|client_secret|refresh_token|access_token|id_token)"\s*:\s*")[^"]*"#, mask),
    Rule(#"(?i)(://)[^/@\s:]+:[^/@\s]+@"#, mask + "@"),
  ]

  static func scrub(_ text: String) -> String {
    var out = text
    for rule in rules { out = replacingMatches(of: rule, in: out) }
    return out
  }

  /// `text` with every match of `rule` replaced, leftmost first, as ICU did.
  static func replacingMatches(of rule: Rule, in text: String) -> String {
    var result = ""
    var copied = text.startIndex
    var searchFrom = text.startIndex
    while let match = text[searchFrom...].firstMatch(of: rule.regex) {
      let start = match.range.lowerBound
      // Not a match here after all: try again from the next scalar, as the engine would have.
      if match.range.isEmpty || (rule.atWordStart && !startsWord(text, at: start)) {
        guard start < text.endIndex else { break }
        searchFrom = text.unicodeScalars.index(after: start)
        continue
      }
      result += text[copied..<start]
      result += (match.output[1].substring ?? "") + rule.suffix
      copied = match.range.upperBound
      searchFrom = copied
    }
    result += text[copied...]
    return result
  }

  /// Whether a word character at `index` begins a word, as ICU's `\b` decides: the nearest
  /// scalar before it that is not a combining mark (Grapheme_Extend) or a format character is
  /// not a word character, or there is none.
  static func startsWord(_ text: String, at index: String.Index) -> Bool {
    var before = text.unicodeScalars[..<index]
    while let last = before.last {
      let properties = last.properties
      if properties.isGraphemeExtend || properties.generalCategory == .format {
        before = before.dropLast()
        continue
      }
      return !isWordScalar(last)
    }
    return true
  }

  /// ICU's `\w`: alphabetic, marks, decimal digits, connector punctuation, ZWNJ and ZWJ.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
    default: return scalar.properties.isAlphabetic || scalar.value == 0x200C || scalar.value == 0x200D
    }
  }

  /// `pattern` with its literal letters also matching what ICU's `(?i)` folds to them
  /// (`ASCIIFolding`): `ſ` for `s`, `ß` and `ẞ` for `ss`, `ﬁ` for `fi`, and so on. Escapes,
  /// bracketed classes and the flags of a group (`(?i)`, `(?:`) are copied as they are; a letter
  /// a quantifier follows stays alone, so the quantifier still applies to it only.
  static func foldingLikeICU(_ pattern: String) -> String {
    let scalars = Array(pattern.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    var inClass = false
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\\" {
        out.append(contentsOf: scalars[index..<min(index + 2, scalars.count)])
        index += 2
      } else if inClass || scalar == "[" {
        inClass = scalar == "[" || scalar != "]"
        out.append(scalar)
        index += 1
      } else if scalar == "(", index + 1 < scalars.count, scalars[index + 1] == "?" {
        // `(?` and its flags, up to the `:` or `)` that ends them.
        var end = index + 2
        while end < scalars.count, scalars[end] != ":", scalars[end] != ")" { end += 1 }
        end = min(end + 1, scalars.count)
        out.append(contentsOf: scalars[index..<end])
        index = end
      } else if isASCIILetter(scalar) {
        var end = index
        while end < scalars.count, isASCIILetter(scalars[end]) { end += 1 }
        if end < scalars.count, end - index > 1, "?*+{".unicodeScalars.contains(scalars[end]) { end -= 1 }
        out.append(contentsOf: foldedRun(Array(scalars[index..<end])).unicodeScalars)
        index = end
      } else {
        out.append(scalar)
        index += 1
      }
    }
    return String(out)
  }

  /// A pattern for a run of letters that also matches every text ICU folds to them. Where a
  /// multi-letter folding (`ss`, `fi`, …) fits, the stretch it covers, with any folding that
  /// overlaps it, becomes a group of every way to spell that stretch.
  private static func foldedRun(_ run: [Unicode.Scalar]) -> String {
    let lower = run.map(ASCIIFolding.lowercased)
    var out = ""
    var index = 0
    while index < run.count {
      // The stretch ends where no folding that begins inside it reaches further.
      var end = index + 1
      var start = index
      while start < end {
        for folding in multiLetterFoldings(at: start, in: lower) { end = max(end, start + folding.count) }
        start += 1
      }
      out +=
        end == index + 1
        ? letterClass(run[index]) : "(?:" + spellings(run, lower, index..<end).joined(separator: "|") + ")"
      index = end
    }
    return out
  }

  /// Every way to spell `run[range]`: each letter as its class, or a scalar that folds to several.
  private static func spellings(_ run: [Unicode.Scalar], _ lower: [Unicode.Scalar], _ range: Range<Int>)
    -> [String]
  {
    guard let first = range.first else { return [""] }
    var out = spellings(run, lower, (first + 1)..<range.upperBound).map { letterClass(run[first]) + $0 }
    for (scalar, folded) in ASCIIFolding.foldings where folded.count > 1 {
      guard lower[range].starts(with: folded) else { continue }
      out += spellings(run, lower, (first + folded.count)..<range.upperBound).map { String(scalar) + $0 }
    }
    return out
  }

  /// The multi-letter foldings that spell the (lower-case) run from `start` on.
  private static func multiLetterFoldings(at start: Int, in lower: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    ASCIIFolding.foldings.map(\.letters).filter { $0.count > 1 && lower[start...].starts(with: $0) }
  }

  /// A letter, or a class of it and the scalars that fold to it alone (`[sſ]`, `[kK]`).
  private static func letterClass(_ letter: Unicode.Scalar) -> String {
    let lower = ASCIIFolding.lowercased(letter)
    let others = ASCIIFolding.foldings.filter { $0.letters == [lower] }.map { String($0.scalar) }
    return others.isEmpty ? String(letter) : "[" + String(letter) + others.joined() + "]"
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }
}
