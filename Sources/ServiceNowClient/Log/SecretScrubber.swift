import Platform
import TextSafety
import Vocabulary

/// Masks the secrets in play in text that came from outside (a server's body, message or
/// header), as whole matches and in the forms a server would echo them: percent-encoded,
/// JSON-escaped, base64 and base64url, and the base64 of `user:password` a Basic header carries.
///
/// Applied only to outside text, where it is extracted, never to snowgate's own sentences: with
/// the password `instance` the summary "The instance refused …" stays readable (masking our own
/// words would give the password away and make the human and JSON outputs disagree). A whole
/// match means the secret is not part of a longer word: the password `admin` leaves
/// "administrator" alone (forms of 12 characters or more are masked anywhere).
public struct SecretScrubber: Sendable, Equatable {
  /// The secret values themselves.
  public private(set) var secrets: [String]
  /// `user:password` pairs, whose Basic-header forms are masked as well.
  public private(set) var pairs: [String]

  public init(secrets: [String] = [], pairs: [String] = []) {
    self.secrets = []
    self.pairs = []
    self.forms = []
    secrets.forEach { add($0) }
    pairs.forEach { addPair($0) }
  }

  /// The scrubber of the client call running now, for the code that extracts a server's text
  /// without knowing which secrets are in play (the classifier, the envelope parsers).
  @TaskLocal public static var current = SecretScrubber()

  /// Every form of every secret that is masked, longest first (so a form is never cut by a
  /// shorter one inside it). Kept up to date by `add` and `addPair`, which are rare, because
  /// `scrub` runs on every piece of a server's text.
  public private(set) var forms: [String] = []

  /// Adds a secret value (empty values are ignored).
  public mutating func add(_ secret: String) {
    guard !secret.isEmpty, !secrets.contains(secret) else { return }
    secrets.append(secret)
    forms = Self.merged(forms, Self.forms(ofSecret: secret))
  }

  /// Adds the `user:password` of a Basic header.
  public mutating func addPair(_ pair: String) {
    guard pair.count > 1, !pairs.contains(pair) else { return }
    pairs.append(pair)
    forms = Self.merged(forms, [pair] + Self.base64Forms(pair))
  }

  private static func forms(ofSecret secret: String) -> [String] {
    var all = [
      secret, FormEncoding.escape(secret), FormEncoding.escape(secret, keeping: FormEncoding.queryKept),
    ]
    for keepingUnicode in [false, true] {
      let escaped = jsonEscaped(secret, keepingUnicode: keepingUnicode)
      all.append(escaped)
      all.append(PlainString.replacing("/", with: "\\/", in: escaped))
    }
    return all + base64Forms(secret)
  }

  /// `known` and the new forms, without repeats, longest first. Only the new secret's forms are
  /// made (a check adds four or five secrets, and remaking every form on each add cost 2.2 M
  /// instructions, 7 % of a password-grant check). Length is in UTF-8 bytes, which `String`
  /// knows without counting: a form inside another is shorter in bytes as in characters. Equal
  /// lengths go in text order, so the same secrets give the same list.
  private static func merged(_ known: [String], _ new: [String]) -> [String] {
    var seen = Set(known)
    var all = known
    for form in new where !form.isEmpty && seen.insert(form).inserted { all.append(form) }
    return all.sorted { a, b in
      let (x, y) = (a.utf8.count, b.utf8.count)
      return x != y ? x > y : a < b
    }
  }

  /// `text` with each form of each secret, as a whole match, replaced by the mask.
  public func scrub(_ text: String) -> String {
    guard !secrets.isEmpty || !pairs.isEmpty else { return text }
    var result = text
    for form in forms {
      result = Self.replaceWhole(form, in: result)
    }
    return result
  }

  /// Outside text as it may be shown: secrets masked and control characters made visible.
  public func clean(_ text: String) -> String {
    UntrustedText.visible(scrub(text))
  }

  /// Outside text of several lines (a body): as `clean`, line feeds kept.
  public func cleanLines(_ text: String) -> String {
    UntrustedText.visible(scrub(text), keepingLineBreaks: true)
  }

  static func base64Forms(_ value: String) -> [String] {
    let standard = Data(utf8Of: value).base64EncodedString()
    let unpadded = PlainString.replacing("=", with: "", in: standard)
    let url = PlainString.replacing("/", with: "_", in: PlainString.replacing("+", with: "-", in: unpadded))
    return [standard, unpadded, url]
  }

  private static func isASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 < 0x80 }
  }

  static func jsonEscaped(_ value: String, keepingUnicode: Bool) -> String {
    var out = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || (scalar.value > 0x7E && !keepingUnicode) {
          if scalar.value > 0xFFFF {
            let v = scalar.value - 0x10000
            out +=
              "\\u" + PlainString.hex(0xD800 + (v >> 10), digits: 4) + "\\u"
              + PlainString.hex(0xDC00 + (v & 0x3FF), digits: 4)
          } else {
            out += "\\u" + PlainString.hex(scalar.value, digits: 4)
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Forms this long are masked wherever they appear, even inside a longer word: no word of a
  /// server's is that long by chance, and a hostile server could glue one to letters.
  static let anywhereLength = 12

  /// Replaces `form` where it is not part of a longer word (letters and digits on its edges).
  ///
  /// First by unicode scalar: a server that glues a combining mark to the echoed secret
  /// ("hunter2" + U+0301) makes its last Character another one, and a search by Character alone
  /// let it through unmasked. A mark does not make a word longer here. Then, where either text
  /// is not ASCII, by Character as well, which also finds the secret written in another
  /// canonically equivalent form (é as e + U+0301).
  static func replaceWhole(_ form: String, in text: String) -> String {
    // Where both are ASCII, a byte search answering no is exact, and cheap.
    let ascii = isASCII(form) && isASCII(text)
    if ascii, !PlainString.contains(form, in: text) { return text }
    let short = form.count < anywhereLength
    let byScalar = replaceWholeByScalar(form, in: text, short: short)
    return ascii ? byScalar : replaceWholeByCharacter(form, in: byScalar, short: short)
  }

  private static func replaceWholeByScalar(_ form: String, in text: String, short: Bool) -> String {
    let wanted = Array(form.unicodeScalars)
    let scalars = Array(text.unicodeScalars)
    guard let first = wanted.first, let last = wanted.last, scalars.count >= wanted.count else { return text }
    let needsLeft = short && isWordScalar(first)
    let needsRight = short && isWordScalar(last)
    var out = String.UnicodeScalarView()
    var copied = 0
    var index = 0
    while index <= scalars.count - wanted.count {
      if scalars[index] == first, scalars[index..<(index + wanted.count)].elementsEqual(wanted) {
        let end = index + wanted.count
        let wholeLeft = !needsLeft || index == 0 || !isWordScalar(scalars[index - 1])
        let wholeRight = !needsRight || end == scalars.count || !isWordScalar(scalars[end])
        if wholeLeft && wholeRight {
          out.append(contentsOf: scalars[copied..<index])
          out.append(contentsOf: Secret.mask.unicodeScalars)
          index = end
          copied = end
          continue
        }
      }
      index += 1
    }
    guard copied > 0 else { return text }
    out.append(contentsOf: scalars[copied...])
    return String(out)
  }

  private static func replaceWholeByCharacter(_ form: String, in text: String, short: Bool) -> String {
    guard text.contains(form) else { return text }
    let needsLeft = short && (form.first.map(isWordCharacter) ?? false)
    let needsRight = short && (form.last.map(isWordCharacter) ?? false)
    var result = ""
    var cursor = text.startIndex
    var searchFrom = text.startIndex
    while let range = text[searchFrom...].firstRange(of: form) {
      let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
      let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
      let wholeLeft = !needsLeft || !(before.map(isWordCharacter) ?? false)
      let wholeRight = !needsRight || !(after.map(isWordCharacter) ?? false)
      if wholeLeft && wholeRight {
        result += text[cursor..<range.lowerBound]
        result += Secret.mask
        cursor = range.upperBound
        searchFrom = range.upperBound
      } else {
        searchFrom = text.index(after: range.lowerBound)
      }
    }
    result += text[cursor...]
    return result
  }

  /// A letter or a digit, as `isWordCharacter` sees a Character's first scalar; a mark is not.
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      true
    default:
      false
    }
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }
}
