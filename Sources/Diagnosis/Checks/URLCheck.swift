/// The `url` layer: can what was typed be read as an instance address at all?
public enum URLCheck {
  /// The outcome and, when it passes, the normalised address the other layers use.
  public static func run(_ input: String) -> (LayerOutcome, InstanceAddress?) {
    switch InstanceAddress.parse(input) {
    case .success(let address):
      let normalised = address.url.absoluteString
      let typed = input.trimmingCharacters(in: .whitespacesAndNewlines)
      let detail = typed == normalised ? normalised : "\(InstanceAddress.sanitised(typed)) → \(normalised)"
      return (.pass(detail), address)
    case .failure(let error):
      let outcome = LayerOutcome.fail(
        code: "url.invalid", detail: error.reason,
        summary: "The instance address is not valid: \(error.reason)",
        remedies: [
          "Give the instance as a name or a URL, for example \(InstanceAddress.example)."
        ])
      return (outcome, nil)
    }
  }
}
