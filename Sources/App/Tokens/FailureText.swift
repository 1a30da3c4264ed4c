import ServiceNowClient

/// Renders a failure for stderr as plain sentences: what happened, then what to do.
enum FailureText {
  /// `snowgate COMMAND: summary (detail)` and the remedies as a list.
  static func render(_ failure: ServiceNowFailure, command: String) -> String {
    var text = "snowgate \(command): \(failure.summary)"
    if let detail = failure.detail, !detail.isEmpty {
      text += " (\(detail))"
    }
    if !failure.remedies.isEmpty {
      text += "\nWhat to do:"
      for remedy in failure.remedies {
        text += "\n  - \(remedy)"
      }
    }
    return text
  }
}
