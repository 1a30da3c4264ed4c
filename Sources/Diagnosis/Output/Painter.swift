/// ANSI colour for the person's report, or plain text when colour is off.
struct Painter {
  let enabled: Bool

  func mark(_ status: CheckStatus) -> String {
    switch status {
    case .pass: return wrap(status.symbol, "32")
    case .warn: return wrap(status.symbol, "33")
    case .fail: return wrap(status.symbol, "31")
    case .skip: return status.symbol
    }
  }

  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
