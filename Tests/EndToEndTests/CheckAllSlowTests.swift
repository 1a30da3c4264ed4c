import Foundation
import XCTest

/// `check --all` over 50 profiles of one slow instance: every request has its own deadline from
/// its own start and nothing queues behind another profile, so all 50 verdicts are right.
final class CheckAllSlowTests: XCTestCase {
  func testFiftyProfilesOnOneSlowInstanceAllPass() throws {
    let simulator = try SimulatorProcess(scenario: "slow")
    defer { simulator.stop() }
    let names = (1...50).map { String(format: "slow%02d", $0) }
    let profiles = try CheckProfiles.make(
      names.map { CheckProfiles.Entry(name: $0, instance: simulator.url.absoluteString) }, defaultProfile: nil
    )
    defer { profiles.remove() }
    // The slow scenario holds every answer 3 s; each step may take 8 s.
    let run = try CheckRun.run(
      ["check", "--all", "--json", "--timeout", "8"], environment: ["SNOWGATE_PASSWORD": "admin"],
      configDirectory: profiles.directory)
    let reports = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]],
      run.stdout + run.stderr)
    XCTAssertEqual(reports.count, 50)
    XCTAssertEqual(Set(reports.compactMap { $0["profile"] as? String }), Set(names))
    let codes = reports.map { ($0["diagnosis"] as? [String: Any])?["code"] as? String ?? "?" }
    XCTAssertEqual(codes.filter { $0 == "ok" }.count, 50, "verdicts: \(codes)")
    XCTAssertEqual(run.status, 0)
  }
}
