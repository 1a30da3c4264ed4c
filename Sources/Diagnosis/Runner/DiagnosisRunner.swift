import Platform
import Vocabulary

/// Runs the layered checks of one connection, or of several at once, and picks the verdict.
///
/// Each layer runs only if no layer below it failed; the others are reported as skipped with
/// the reason, so a person sees at a glance where the chain breaks. The verdict is the first
/// failure; warnings never fail a run.
public enum DiagnosisRunner {
  /// Diagnoses one target, reporting each check as it starts and finishes.
  public static func run(
    _ target: DiagnosisTarget, options: DiagnosisOptions = DiagnosisOptions(),
    progress: @escaping @Sendable (CheckProgress) -> Void = { _ in }
  ) async -> Report {
    let clock = ContinuousClock()
    let start = clock.now
    var run = RunState(progress: progress)

    let (_, address) = await run.check(.url) { URLCheck.run(target.instance) }
    guard let address else {
      return run.report(target: target, instance: InstanceURL.shown(target.instance), since: start)
    }

    var proxy: ProxySetting?
    await run.checkIfPossible(.proxy) {
      let (outcome, used) = await ProxyCheck.run(
        address: address, environment: options.environment, timeout: options.timeout)
      proxy = used
      return outcome
    }

    var addresses: [ResolvedAddress] = []
    if let proxy, run.blocker == nil {
      run.skip(.dns, "skipped: the proxy \(proxy.display) resolves the name")
      run.skip(.tcp, "skipped: the proxy \(proxy.display) connects to the instance")
    } else {
      await run.checkIfPossible(.dns) {
        let (outcome, found) = await DNSCheck.run(
          host: address.host, port: address.effectivePort, timeout: options.timeout)
        addresses = found
        return outcome
      }
      await run.checkIfPossible(.tcp) {
        await TCPCheck.run(
          host: address.host, port: address.effectivePort, addresses: addresses, timeout: options.timeout)
      }
    }

    let context = HTTPLayerContext(
      baseURL: address.url, timeout: options.timeout, forceRefresh: options.forceRefresh,
      proxy: proxy?.display)
    let layers: [(CheckID, @Sendable (any HTTPLayerProbe, HTTPLayerContext) async -> LayerOutcome)] = [
      (.tls, { await $0.tls($1) }),
      (.instance, { await $0.instance($1) }),
      (.auth, { await $0.auth($1) }),
      (.api, { await $0.api($1) }),
      (.apiMeta, { await $0.apiMeta($1) }),
      (.token, { await $0.token($1) }),
    ]
    for (id, call) in layers {
      guard let http = target.http else {
        run.skip(id, run.blocker.map { "skipped: \($0.title) failed" } ?? "skipped: no HTTP client")
        continue
      }
      if id == .token && target.auth == .basic && run.blocker == nil {
        run.skip(id, "Basic auth has no token to check")
        continue
      }
      await run.checkIfPossible(id) {
        var outcome = await watchdog(options: options) { await call(http, context) }
        if id == .apiMeta && outcome.status == .fail { outcome.status = .warn }
        return outcome
      }
    }
    return run.report(target: target, instance: address.display, since: start)
  }

  /// Diagnoses every target at once; the reports come back in the order of `targets`.
  /// `progress` receives the index of the target each event belongs to.
  public static func runAll(
    _ targets: [DiagnosisTarget], options: DiagnosisOptions = DiagnosisOptions(),
    progress: @escaping @Sendable (Int, CheckProgress) -> Void = { _, _ in }
  ) async -> [Report] {
    await withTaskGroup(of: (Int, Report).self) { group in
      for (index, target) in targets.enumerated() {
        group.addTask {
          (index, await run(target, options: options) { progress(index, $0) })
        }
      }
      var reports = [Report?](repeating: nil, count: targets.count)
      for await (index, report) in group { reports[index] = report }
      return reports.compactMap { $0 }
    }
  }

  /// An HTTP layer's outcome, or `http.timeout` if it has not answered by the deadline plus slack.
  static func watchdog(
    options: DiagnosisOptions, _ call: @escaping @Sendable () async -> LayerOutcome
  ) async -> LayerOutcome {
    if let outcome = await Deadline.race(seconds: options.timeout + options.slack, call) {
      return outcome
    }
    let limit = TCPCheck.seconds(options.timeout)
    return .fail(
      code: "http.timeout", detail: "no complete answer within \(limit)",
      summary: "The instance did not answer within \(limit).",
      remedies: [
        "The instance or a proxy on the way is very slow or stalls: try again, and check the "
          + "instance's status if it persists.",
        "If the network is known to be slow, allow more time with --timeout SECONDS.",
      ])
  }
}
