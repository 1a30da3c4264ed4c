import Foundation

/// Reads and writes `application/x-www-form-urlencoded` text, the only body the token endpoint accepts.
enum FormCoding {
  /// Splits `a=1&b=2` into ordered pairs; `+` means a space and `%XX` a byte, as in HTML forms.
  static func decode(_ text: String) -> [(String, String)] {
    text.split(separator: "&", omittingEmptySubsequences: true).map { part in
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = percentDecode(String(pieces[0]))
      let value = pieces.count > 1 ? percentDecode(String(pieces[1])) : ""
      return (name, value)
    }
  }

  /// Decodes `+` and `%XX`; a malformed escape is kept as it is rather than failing the request.
  static func percentDecode(_ text: String) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  /// Encodes one query or form value so that `&`, `=`, `+` and friends survive the trip.
  static func encode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }

  /// Joins pairs into `a=1&b=2` with every name and value encoded.
  static func encode(_ pairs: [(String, String)]) -> String {
    pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
  }
}
