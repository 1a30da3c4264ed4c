import Foundation

/// An `HTTPResponse` wrapped as an `Error`, so a check can fail with the answer to send.
struct HTTPResponseBox: Error {
  let response: HTTPResponse
  init(_ response: HTTPResponse) { self.response = response }
}
