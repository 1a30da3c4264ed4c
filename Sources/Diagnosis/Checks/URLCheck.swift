import Platform
import Vocabulary

/// The `url` layer: can what was typed be read as an instance address at all?
public enum URLCheck {
  /// The outcome and, when it passes, the normalised address the other layers use.
  public static func run(_ input: String) -> (LayerOutcome, NormalisedInstance?) {
    switch InstanceURL.normalise(input) {
    case .success(let address):
      let normalised = address.display
      let typed = PlainString.trimmed(input, newlines: true)
      let detail = typed == normalised ? normalised : "\(InstanceURL.shown(typed)) → \(normalised)"
      return (.pass(detail), address)
    case .failure(let error):
      let outcome = LayerOutcome.fail(
        code: "url.invalid", detail: error.message,
        summary: "The instance address is not valid: \(error.message)",
        remedies: [
          "Give the instance as a name or a URL, for example \(InstanceURL.example)."
        ])
      return (outcome, nil)
    }
  }
}
