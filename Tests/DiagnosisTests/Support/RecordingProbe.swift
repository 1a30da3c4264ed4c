import Diagnosis
import Foundation

/// A probe that passes every layer and keeps the context it was given.
struct RecordingProbe: HTTPLayerProbe {
  let log: ContextLog
  func record(_ context: HTTPLayerContext) -> LayerOutcome {
    log.append(context)
    return .pass("ok")
  }
  func tls(_ context: HTTPLayerContext) async -> LayerOutcome { record(context) }
  func instance(_ context: HTTPLayerContext) async -> LayerOutcome { record(context) }
  func auth(_ context: HTTPLayerContext) async -> LayerOutcome { record(context) }
  func api(_ context: HTTPLayerContext) async -> LayerOutcome { record(context) }
  func apiMeta(_ context: HTTPLayerContext) async -> LayerOutcome { record(context) }
  func token(_ context: HTTPLayerContext) async -> LayerOutcome { record(context) }
}
