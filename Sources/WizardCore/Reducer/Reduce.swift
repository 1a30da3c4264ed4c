/// Applies one event to the wizard and returns what the runtime should do next.
///
/// The only place the flow lives. Pure: no I/O, no clock, no randomness; the runtime performs
/// the effects and sends their results back as events.
public func reduce(_ state: inout WizardState, _ event: WizardEvent) -> [WizardEffect] {
  state.handle(event)
}
