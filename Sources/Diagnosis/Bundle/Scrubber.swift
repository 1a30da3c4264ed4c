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

  /// `pattern` with its literal letters also matching what ICU's `(?i)` folds to them: `ſ` for
  /// `s`, `ß` and `ẞ` for `ss`, `ﬁ` for `fi` (Swift's `(?i)` compares lower-case forms, which
  /// already covers the Kelvin sign). Escapes and bracketed classes are copied as they are; the
  /// patterns have no quantifier right after such a letter.
  static func foldingLikeICU(_ pattern: String) -> String {
    let characters = Array(pattern)
    var out = ""
    var index = 0
    var inClass = false
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      index += 1
      if character == "\\" {
        out.append(character)
        if let next {
          out.append(next)
          index += 1
        }
      } else if inClass || character == "[" {
        inClass = character == "[" || character != "]"
        out.append(character)
      } else if character == "s", next == "s" {
        out += "(?:[sſ][sſ]|ß|ẞ)"
        index += 1
      } else if character == "f", next == "i" {
        out += "(?:fi|ﬁ)"
        index += 1
      } else if character == "s" {
        out += "[sſ]"
      } else {
        out.append(character)
      }
    }
    return out
  }
}
