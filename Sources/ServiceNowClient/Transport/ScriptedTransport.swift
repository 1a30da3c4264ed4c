import Foundation

/// A transport that answers from a script, for unit tests here and in the modules that use the client.
///
/// Each expected request (method and path) is answered in order with a response or an error.
/// Every request sent is recorded. `verifyAllUsed()` fails when an answer was never asked for
/// or a request came that the script did not expect, so a test cannot pass by skipping a call.
public final class ScriptedTransport: Transport, @unchecked Sendable {
  /// What a scripted step answers with.
  public enum Answer: Sendable {
    case response(HTTPResponse)
    case failure(any Error)
  }

  /// One expected request and its answer.
  public struct Step: Sendable {
    public var method: String
    public var path: String
    public var answer: Answer

    public init(method: String, path: String, answer: Answer) {
      self.method = method
      self.path = path
      self.answer = answer
    }
  }

  /// Thrown by `send` and `verifyAllUsed` when the script and the calls disagree.
  public struct ScriptMismatch: Error, CustomStringConvertible {
    public var description: String
  }

  private let lock = NSLock()
  private var steps: [Step]
  private var sentRequests: [TransportRequest] = []
  private var problems: [String] = []

  public init(_ steps: [Step] = []) {
    self.steps = steps
  }

  /// Adds an expected request answered with `response`.
  public func expect(_ method: String, _ path: String, respond response: HTTPResponse) {
    lock.withLock { steps.append(Step(method: method, path: path, answer: .response(response))) }
  }

  /// Adds an expected request answered by throwing `error` (a `CurlFailure`, `DeadlineExceeded`, …).
  public func expect(_ method: String, _ path: String, fail error: any Error) {
    lock.withLock { steps.append(Step(method: method, path: path, answer: .failure(error))) }
  }

  /// Every request sent so far, in order.
  public var sent: [TransportRequest] {
    lock.withLock { sentRequests }
  }

  /// Throws when a scripted answer was never used or an unexpected request arrived.
  public func verifyAllUsed() throws {
    let (left, seen) = lock.withLock { (steps, problems) }
    var messages = seen
    for step in left {
      messages.append("scripted answer never used: \(step.method) \(step.path)")
    }
    if !messages.isEmpty {
      throw ScriptMismatch(description: messages.joined(separator: "\n"))
    }
  }

  public func send(_ request: TransportRequest, deadline: Duration) async throws -> HTTPResponse {
    let method = request.method
    let path = request.url.path
    let step: Step? = lock.withLock {
      sentRequests.append(request)
      guard let next = steps.first else {
        problems.append("unexpected request: \(method) \(path)")
        return nil
      }
      guard next.method == method, next.path == path else {
        problems.append("expected \(next.method) \(next.path), got \(method) \(path)")
        return nil
      }
      steps.removeFirst()
      return next
    }
    guard let step else {
      throw ScriptMismatch(description: "unexpected request: \(method) \(path)")
    }
    switch step.answer {
    case .response(let response):
      return response
    case .failure(let error):
      throw error
    }
  }
}
