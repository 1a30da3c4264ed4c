import Testing

@testable import WizardCore

/// Drives the reducer one event at a time and checks the whole next state and the exact effects.
///
/// Each `send` starts from the store's current state, applies the test's `update` to a copy to
/// get the expected state, runs the reducer, and records an issue for any difference, with the
/// differing lines of both dumps (secrets dump masked, so failures never print them).
struct TestStore {
  var state: WizardState

  init(_ state: WizardState = WizardState()) {
    self.state = state
  }

  mutating func send(
    _ event: WizardEvent, effects expected: [WizardEffect] = [],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ update: (inout WizardState) -> Void = { _ in }
  ) {
    var expectedState = state
    update(&expectedState)
    let effects = reduce(&state, event)
    #expect(effects == expected, "effects of \(event)", sourceLocation: sourceLocation)
    if state != expectedState {
      Issue.record(
        "state after \(event) differs:\n\(Self.difference(expected: expectedState, actual: state))",
        sourceLocation: sourceLocation)
    }
  }

  mutating func send(
    _ key: Key, effects expected: [WizardEffect] = [], sourceLocation: SourceLocation = #_sourceLocation,
    _ update: (inout WizardState) -> Void = { _ in }
  ) {
    send(.key(key), effects: expected, sourceLocation: sourceLocation, update)
  }

  /// Types `text` one character at a time (as a paste arrives) and checks the state at the end.
  mutating func type(
    _ text: String, sourceLocation: SourceLocation = #_sourceLocation, _ update: (inout WizardState) -> Void
  ) {
    var expectedState = state
    update(&expectedState)
    var effects: [WizardEffect] = []
    for character in text { effects += reduce(&state, .key(.character(character))) }
    #expect(effects == [], "typing produced effects", sourceLocation: sourceLocation)
    if state != expectedState {
      Issue.record(
        "state after typing differs:\n\(Self.difference(expected: expectedState, actual: state))",
        sourceLocation: sourceLocation)
    }
  }

  static func difference(expected: WizardState, actual: WizardState) -> String {
    var expectedDump = ""
    var actualDump = ""
    dump(expected, to: &expectedDump)
    dump(actual, to: &actualDump)
    let expectedLines = expectedDump.split(separator: "\n")
    let actualLines = actualDump.split(separator: "\n")
    var out: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let left = index < expectedLines.count ? expectedLines[index] : "<none>"
      let right = index < actualLines.count ? actualLines[index] : "<none>"
      if left != right { out.append("- expected: \(left)\n+ actual:   \(right)") }
    }
    return out.joined(separator: "\n")
  }
}
