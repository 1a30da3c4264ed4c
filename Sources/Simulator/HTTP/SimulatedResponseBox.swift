import Platform

/// An `SimulatedResponse` wrapped as an `Error`, so a check can fail with the answer to send.
struct SimulatedResponseBox: Error {
  let response: SimulatedResponse
  init(_ response: SimulatedResponse) { self.response = response }
}
