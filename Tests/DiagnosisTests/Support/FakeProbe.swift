import Diagnosis
import Foundation

/// An HTTP-layer probe with scripted outcomes; a layer not scripted passes.
struct FakeProbe: HTTPLayerProbe {
  var outcomes: [CheckID: LayerOutcome] = [:]
  /// Layers that never answer (they wait until cancelled), to exercise the runner's watchdog.
  var hanging: Set<CheckID> = []
  var calls = CallLog()

  func tls(_ context: HTTPLayerContext) async -> LayerOutcome { await answer(.tls) }
  func instance(_ context: HTTPLayerContext) async -> LayerOutcome { await answer(.instance) }
  func auth(_ context: HTTPLayerContext) async -> LayerOutcome { await answer(.auth) }
  func api(_ context: HTTPLayerContext) async -> LayerOutcome { await answer(.api) }
  func apiMeta(_ context: HTTPLayerContext) async -> LayerOutcome { await answer(.apiMeta) }
  func token(_ context: HTTPLayerContext) async -> LayerOutcome { await answer(.token) }

  private func answer(_ id: CheckID) async -> LayerOutcome {
    calls.append(id)
    if hanging.contains(id) {
      while !Task.isCancelled { try? await Task.sleep(nanoseconds: 20_000_000) }
    }
    return outcomes[id] ?? .pass("\(id.rawValue) fine")
  }
}

/// The layers a fake probe was asked for, in order.
final class CallLog: @unchecked Sendable {
  private let lock = NSLock()
  private var ids: [CheckID] = []

  func append(_ id: CheckID) {
    lock.lock()
    ids.append(id)
    lock.unlock()
  }

  var all: [CheckID] {
    lock.lock()
    defer { lock.unlock() }
    return ids
  }
}
