import Foundation
import Testing

@testable import Diagnosis

@Suite struct DeadlineTests {
  @Test func blockingWorkPastTheDeadlineIsAbandonedNotAwaited() async {
    let answer = await Deadline.race(seconds: 0.05) {
      await Deadline.onThread { () -> Int in
        usleep(500_000)
        return 1
      }
    }
    #expect(answer == nil)
  }

  @Test func workThatFinishesInTimeGivesItsValue() async {
    let answer = await Deadline.race(seconds: 5) { 42 }
    #expect(answer == 42)
  }

  @Test func cancellingTheCallerEndsTheWait() async {
    let task = Task { await Deadline.race(seconds: 60) { await Deadline.onThread { usleep(300_000) } } }
    task.cancel()
    #expect(await task.value == nil)
  }

  /// The wizard's `r` and Esc cancel a run; a connect hanging on a full backlog must let go.
  @Test func cancellingARunDuringAHangingConnectEndsItAsCancelled() async throws {
    let listener = try LocalSocket.fullBacklog()
    defer { listener.close() }
    let started = EventLog()
    let run = Task {
      await DiagnosisRunner.run(
        DiagnosisTarget(
          profile: nil, instance: "http://127.0.0.1:\(listener.port)", auth: .basic, http: FakeProbe()),
        options: DiagnosisOptions(timeout: 60, environment: [:])
      ) { started.append($0) }
    }
    while !started.all.contains(.started(.tcp)) { try await Task.sleep(nanoseconds: 5_000_000) }
    run.cancel()
    let report = await run.value
    #expect(report.diagnosis.code == "check.cancelled")
    #expect(report.checks.first { $0.id == .tls }?.status == .skip)
  }
}
