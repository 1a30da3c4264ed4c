// The cost of one keystroke in the wizard: reduce + screen model + render to a Frame at 80x24.
//
// Types 10,000 keys on the instance screen and on the credentials screen (printable characters,
// backspaces and cursor moves, as a person edits) and prints the mean and the worst per key.
// Run: swift run -c release snowgate-bench
import Foundation
import TerminalUI
import WizardCore

func measure(_ label: String, keys: [Key], setUp: (inout WizardState) -> Void) {
  var state = WizardState()
  _ = reduce(&state, .start(savedProfiles: []))
  setUp(&state)
  let clock = ContinuousClock()
  var worst = Duration.zero
  var checksum = 0
  let start = clock.now
  for key in keys {
    let before = clock.now
    _ = reduce(&state, .key(key))
    let frame = ScreenRenderer.render(screenModel(for: state), width: 80, height: 24)
    checksum &+= frame.cursor?.x ?? 0
    let spent = clock.now - before
    if spent > worst { worst = spent }
  }
  let total = clock.now - start
  let mean = total / keys.count
  func micro(_ d: Duration) -> String {
    String(format: "%.1f µs", Double(d.components.attoseconds) / 1e12 + Double(d.components.seconds) * 1e6)
  }
  print(
    "\(label): \(keys.count) keys, mean \(micro(mean)) per key, worst \(micro(worst)) (checksum \(checksum))")
}

/// A person typing and correcting an address: 24 characters, 2 backspaces, a move left and
/// right, then the field cleared, so the text stays as long as real input is.
func editing(_ count: Int) -> [Key] {
  let pattern: [Key] =
    "dev12345.service-now.com".map { Key.character($0) } + [
      .backspace, .backspace, .left, .right, .clearField,
    ]
  return (0..<count).map { pattern[$0 % pattern.count] }
}

let keys = editing(10_000)
measure("instance screen", keys: keys) { state in
  _ = reduce(&state, .key(.enter))
}
measure("basic credentials screen", keys: keys) { state in
  _ = reduce(&state, .key(.enter))
  for character in "dev12345" { _ = reduce(&state, .key(.character(character))) }
  _ = reduce(&state, .key(.enter))
  _ = reduce(&state, .probeFinished(.reachable))
  _ = reduce(&state, .key(.enter))
  _ = reduce(&state, .key(.enter))
}
