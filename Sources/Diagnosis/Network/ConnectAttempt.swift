/// How a TCP connection attempt to one address ended.
public enum ConnectAttempt: Sendable, Equatable {
  case connected
  /// ECONNREFUSED: the host answered, but nothing listens on the port.
  case refused
  /// No answer before the deadline: packets dropped, or a listener that never accepts.
  case timedOut
  /// Another connect error (no route, network down), with the system's text.
  case failed(errno: Int32, text: String)
  /// Not finished when another address connected first.
  case abandoned
}
