import Diagnosis
import Foundation

/// A probe whose tls layer passes only if every other probe of its barrier is there too.
struct BarrierProbe: HTTPLayerProbe {
  let barrier: Barrier
  func tls(_ context: HTTPLayerContext) async -> LayerOutcome {
    await barrier.wait()
      ? .pass("together") : .fail(code: "test.serial", detail: "ran alone", summary: "", remedies: [])
  }
  func instance(_ context: HTTPLayerContext) async -> LayerOutcome { .pass("ok") }
  func auth(_ context: HTTPLayerContext) async -> LayerOutcome { .pass("ok") }
  func api(_ context: HTTPLayerContext) async -> LayerOutcome { .pass("ok") }
  func apiMeta(_ context: HTTPLayerContext) async -> LayerOutcome { .pass("ok") }
  func token(_ context: HTTPLayerContext) async -> LayerOutcome { .pass("ok") }
}
