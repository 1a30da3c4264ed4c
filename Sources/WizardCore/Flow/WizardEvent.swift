/// Something that happened: a key, a tick of the clock, or the result of an effect.
public enum WizardEvent: Equatable, Sendable {
  /// Sent once by the runtime before anything else. `prefilledInstance` fills the instance field
  /// (`snowgate demo`); `profileName` fills the save screen's name (`snowgate setup NAME`), or,
  /// when a saved profile has that name, opens it for editing (effect `.loadProfile`).
  case start(savedProfiles: [ProfileSummary], prefilledInstance: String? = nil, profileName: String? = nil)
  case key(Key)
  /// The runtime's monotonic time (any fixed origin), about every 100 ms while work runs.
  case tick(Duration)
  case probeFinished(ProbeOutcome)
  case testFinished(TestOutcome)
  case saveFinished(SaveOutcome)
  case profileLoaded(SavedProfile)
  case profileLoadFailed(Verdict)
}
