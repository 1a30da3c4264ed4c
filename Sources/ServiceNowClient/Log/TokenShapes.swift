import Platform
import Vocabulary

/// The shapes of tokens `LogRedaction.maskTokenShapes` masks in text it could not parse, each
/// found by a small scanner over Unicode scalars.
///
/// Each scanner gives what the regular expression in its comment gave with ICU (Foundation's
/// `NSRegularExpression`, which snowgate used before): the same leftmost, non-overlapping
/// matches, `\s` as Unicode's White_Space, `(?i)` as ICU's case folding. Scanners rather than
/// Swift `Regex` because they run on up to 64 KiB of log text and cost little that way.
enum TokenShapes {
  typealias Scalars = [Unicode.Scalar]

  private static let mask = Array(Secret.mask.unicodeScalars)

  // MARK: Values of secret-named keys

  /// `(?i)((?:access|refresh|id)_?token|token|client_?secret|password|passwd|code_verifier|assertion|code)`
  /// `((?:\\?["'])?\s*[:=]\s*(?:\\?["'])?)([^"'&,;\s<>{}\\]+)`, replaced by `$1$2` and the mask:
  /// the value after a secret-named key, in any syntax (`"access_token": "…"`, `code=…`).
  static func maskSecretNamedValues(_ text: Scalars) -> Scalars {
    var out: Scalars = []
    out.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      if let value = secretValue(at: index, in: text) {
        out += text[index..<value.lowerBound]
        out += mask
        index = value.upperBound
      } else {
        out.append(text[index])
        index += 1
      }
    }
    return out
  }

  /// One literal run of a key's pattern: ICU matches each separately, so a run must end on a
  /// whole (folded) character of the text.
  private enum Part {
    case word(Scalars)
    /// `_?`
    case optionalUnderscore
  }

  /// The key alternatives in the order ICU tries them.
  private static let keys: [[Part]] = {
    func word(_ text: String) -> Part { .word(Array(text.unicodeScalars)) }
    return [
      [word("access"), .optionalUnderscore, word("token")],
      [word("refresh"), .optionalUnderscore, word("token")],
      [word("id"), .optionalUnderscore, word("token")],
      [word("token")],
      [word("client"), .optionalUnderscore, word("secret")],
      [word("password")], [word("passwd")], [word("code_verifier")], [word("assertion")], [word("code")],
    ]
  }()

  /// Each key's first letter: nothing else folds to them but their capitals.
  private static let keyFirstLetters: [UInt32] = keys.map { key in
    guard case .word(let word) = key[0] else { return 0 }
    return word[0].value
  }

  /// The range of the value a key at `start` names, when the whole pattern matches there.
  private static func secretValue(at start: Int, in text: Scalars) -> Range<Int>? {
    let first = text[start].value | 0x20  // ASCII lower case (the keys' first letters are ASCII letters)
    guard first < 0x80, keyFirstLetters.contains(first) else { return nil }
    for (key, letter) in zip(keys, keyFirstLetters) where letter == first {
      if let end = keyEnd(key, at: start, in: text), let value = valueAfterKey(at: end, in: text) {
        return value
      }
    }
    return nil
  }

  private static func keyEnd(_ key: [Part], at start: Int, in text: Scalars) -> Int? {
    var index = start
    for part in key {
      switch part {
      case .optionalUnderscore:
        if index < text.count, text[index] == "_" { index += 1 }
      case .word(let word):
        guard let end = foldedWordEnd(word, at: index, in: text) else { return nil }
        index = end
      }
    }
    return index
  }

  /// Where `word` (lower-case ASCII) ends when the text at `start`, case-folded, begins with
  /// it; nil when it does not, or when the word ends inside one character's folding (`ß` is
  /// "ss": it matches the "ss" of "password", not the last "s" of "access").
  private static func foldedWordEnd(_ word: Scalars, at start: Int, in text: Scalars) -> Int? {
    var matched = 0
    var index = start
    while matched < word.count {
      guard index < text.count else { return nil }
      let scalar = text[index]
      if let letters = ASCIIFolding.letters(of: scalar) {
        for letter in letters {
          guard matched < word.count, word[matched] == letter else { return nil }
          matched += 1
        }
      } else {
        guard word[matched] == ASCIIFolding.lowercased(scalar) else { return nil }
        matched += 1
      }
      index += 1
    }
    return index
  }

  /// After a key: `(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?`, then the value (at least one scalar).
  /// No backtracking can help: every scalar the optional parts leave is one the next part refuses.
  private static func valueAfterKey(at start: Int, in text: Scalars) -> Range<Int>? {
    var index = afterOptionalQuote(start, in: text)
    index = afterSpaces(index, in: text)
    guard index < text.count, text[index] == ":" || text[index] == "=" else { return nil }
    index = afterOptionalQuote(afterSpaces(index + 1, in: text), in: text)
    let valueStart = index
    while index < text.count, !endsValue(text[index]) { index += 1 }
    return index > valueStart ? valueStart..<index : nil
  }

  /// `(?:\\?["'])?`
  private static func afterOptionalQuote(_ index: Int, in text: Scalars) -> Int {
    func isQuote(_ at: Int) -> Bool { at < text.count && (text[at] == "\"" || text[at] == "'") }
    if index < text.count, text[index] == "\\", isQuote(index + 1) { return index + 2 }
    return isQuote(index) ? index + 1 : index
  }

  /// `\s*`
  private static func afterSpaces(_ index: Int, in text: Scalars) -> Int {
    var index = index
    while index < text.count, text[index].properties.isWhitespace { index += 1 }
    return index
  }

  /// `[^"'&,;\s<>{}\\]` refuses it.
  private static func endsValue(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "&", ",", ";", "<", ">", "{", "}", "\\": return true
    default: return scalar.properties.isWhitespace
    }
  }

  // MARK: JWTs

  /// `eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*`, replaced by the mask.
  static func maskJWTs(_ text: Scalars) -> Scalars {
    var out: Scalars = []
    out.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      guard index + 3 <= text.count, text[index] == "e", text[index + 1] == "y", text[index + 2] == "J"
      else {
        out.append(text[index])
        index += 1
        continue
      }
      let header = runEnd(from: index + 3, in: text, of: isBase64URL)
      if header - (index + 3) >= 4, header < text.count, text[header] == "." {
        let payload = runEnd(from: header + 1, in: text, of: isBase64URL)
        if payload - (header + 1) >= 4, payload < text.count, text[payload] == "." {
          out += mask
          index = runEnd(from: payload + 1, in: text, of: isBase64URL)
          continue
        }
      }
      // A match starting anywhere up to `header` would end its first part at `header` too, and fail
      // the same way.
      out += text[index..<header]
      index = header
    }
    return out
  }

  private static func isBase64URL(_ scalar: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(scalar) || scalar == "_" || scalar == "-"
  }

  // MARK: Long opaque strings

  /// `(?<![S])(?=[S]*[0-9])(?=[S]*[A-Za-z])[S]{32,}` with S = `[A-Za-z0-9_\-+/=.~]`, replaced
  /// by the mask: a whole run of 32 such characters or more with a digit and a letter in it.
  static func maskOpaqueStrings(_ text: Scalars) -> Scalars {
    var out: Scalars = []
    out.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      guard isOpaque(text[index]) else {
        out.append(text[index])
        index += 1
        continue
      }
      let end = runEnd(from: index, in: text, of: isOpaque)
      let run = text[index..<end]
      if run.count >= 32, run.contains(where: { ("0"..."9").contains($0) }),
        run.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
      {
        out += mask
      } else {
        out += run
      }
      index = end
    }
    return out
  }

  private static func isOpaque(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "_", "-", "+", "/", "=", ".", "~": return true
    default: return isASCIIAlphanumeric(scalar)
    }
  }

  // MARK: Shared

  /// The scalars as a string (through UTF-8, far faster than appending them one by one).
  static func string(_ scalars: Scalars) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count)
    for scalar in scalars {
      if scalar.isASCII {
        bytes.append(UInt8(scalar.value))
      } else {
        bytes.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }

  /// The end of the run of scalars `member` accepts that starts at `start`.
  static func runEnd(from start: Int, in text: Scalars, of member: (Unicode.Scalar) -> Bool) -> Int {
    var index = start
    while index < text.count, member(text[index]) { index += 1 }
    return index
  }
}
