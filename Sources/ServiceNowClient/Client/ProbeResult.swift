/// What the unauthenticated probe learned about an address.
public enum ProbeResult: Sendable, Equatable {
  /// A ServiceNow instance answered; the evidence says how it was recognised.
  case servicenow(ProbeEvidence)
  /// A sleeping developer instance answered with its hibernation page.
  case hibernating
  /// Something answered, but not ServiceNow; the reason says what answered instead.
  case notServiceNow(reason: String)
  /// Nothing usable answered: DNS, TCP, TLS, timeout, or a server error.
  case unreachable(ServiceNowFailure)
}

extension ProbeResult {
  /// The probe's outcome as a failure, for a diagnosis verdict; nil when ServiceNow answered.
  public var failure: ServiceNowFailure? {
    switch self {
    case .servicenow:
      nil
    case .hibernating:
      ServiceNowFailure(.instanceHibernating)
    case .notServiceNow(let reason):
      ServiceNowFailure(.instanceNotServiceNow, detail: reason)
    case .unreachable(let failure):
      failure
    }
  }
}
