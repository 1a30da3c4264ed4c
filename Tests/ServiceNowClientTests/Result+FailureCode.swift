import ServiceNowClient

extension Result where Failure == ServiceNowFailure {
  /// The failure's code, or nil on success: keeps the assertions one line each.
  var failureCode: String? {
    if case .failure(let failure) = self {
      return failure.code
    }
    return nil
  }
}
