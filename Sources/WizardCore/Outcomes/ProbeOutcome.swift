import Vocabulary

/// What an unauthenticated look at the instance address found.
public enum ProbeOutcome: Equatable, Sendable {
  /// A ServiceNow instance answered (its markers: `Server: snow_adc`, glide cookies).
  case reachable
  /// A personal developer instance that is asleep; it answers with the hibernation page.
  case hibernating
  /// Something answered, but not ServiceNow (a proxy page, another web server).
  case notServiceNow(Verdict)
  /// Nothing usable answered: DNS, refused, timeout, TLS, HTTP-level failures.
  case unreachable(Verdict)
}
