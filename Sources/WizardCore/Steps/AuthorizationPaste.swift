import Platform

/// Whether a pasted address can finish this browser sign-in, decided before anything is sent.
///
/// A paste of the wrong tab (another sign-in's state), of an error page without a code, or of
/// the sign-in address itself is a slip, not a reason to start over: the paste field stays open
/// and says what is wrong. The runtime checks the state again before it exchanges the code.
enum AuthorizationPaste {
  /// Why `pasted` cannot complete the sign-in whose address is `authorizeURL`; nil when it can
  /// (a redirect URL with this sign-in's state and a code, or a bare code).
  static func problem(_ pasted: String, authorizeURL: URL) -> String? {
    let text = pasted.trimmingSpaces
    guard text.contains("=") else {
      return text.contains(where: \.isWhitespace)
        ? "That is neither an address nor a single code; paste the address the browser ended on." : nil
    }
    let query = text.firstIndex(of: "?").map { String(text[text.index(after: $0)...]) } ?? text
    let fields = Self.fields(query)
    let expected = URLComponents(url: authorizeURL, resolvingAgainstBaseURL: false)?.queryItems?
      .last { $0.name == "state" }?.value
    if fields["response_type"] != nil, fields["code_challenge"] != nil {
      return "That is the sign-in address itself; paste the address the browser went to after Allow."
    }
    if let error = fields["error"] {
      return "The instance answered \(DisplayText.sanitised(error)) instead of a code. Sign in again in the "
        + "browser (r starts over), then paste the new address."
    }
    guard let state = fields["state"] else {
      return "The pasted address has no state, so it cannot be tied to this sign-in. Paste the whole "
        + "address, or only the value of code."
    }
    if let expected, state != expected {
      return "That address belongs to another sign-in (its state differs). Paste the address of this one."
    }
    if fields["code"] == nil {
      return "The pasted address has no code. Paste the address the browser ended on after Allow."
    }
    return nil
  }

  /// The fields of a query, the last value of each name winning (as the runtime reads them).
  private static func fields(_ query: String) -> [String: String] {
    let withoutFragment = query.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
    var result: [String: String] = [:]
    for pair in withoutFragment.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = parts.first.map(String.init), !name.isEmpty else { continue }
      let raw = parts.count > 1 ? String(parts[1]) : ""
      // `+` is a space, then `%XX` decoded; a malformed escape keeps the raw text, `+` and all.
      let value = FormEncoding.percentDecoded(PlainString.replacing("+", with: " ", in: raw)) ?? raw
      if !value.isEmpty { result[name] = value } else { result.removeValue(forKey: name) }
    }
    return result
  }
}
